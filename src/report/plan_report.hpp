#pragma once
// The committee handout of the planning analyses (`caremap report plan`): pages built from the
// results of src/plan (backup cover, N-1, the maximal covering choice of new sites, the nearest
// other sites), nothing recomputed here.
//
//   1    summary: people (and 75+) with a clinic in reach today, with the recommended new
//        site(s), the weakest clinic, the clinics without a backup in reach; a map of how many
//        clinics reach each census cell; the figures by city
//   2    where to add a clinic: the recommended site(s) on a map with the gap they close, and
//        the candidates ranked by the people (and 75+) each would bring within reach alone
//   3    N-1: which clinic's loss uncovers most people, as a table and bars
//   4    the worst case on a map: who loses every clinic in reach, who loses the backup
//   5..  副主治医: for each clinic the nearest other clinics and their time / distance, flagged
//        where even the nearest is beyond the reach
//   then accessibility (2SFCA, catchment = the reach): clinics per 1,000 people on a map of the
//        cells, the mean per city, the least served cells of each city (plan_report_access.cpp)
//   last data and conditions: demand, distance measure, reach, model, sources, credits, limits
//
// Japanese by default, English with Lang::en. The distance measure (for a road network its
// name and year) is in the subtitle, printed on every page; every page lists the credit lines
// of the data its figures stand on.

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "core/lang.hpp"
#include "core/layer.hpp"
#include "core/provenance.hpp"
#include "plan/accessibility.hpp"
#include "plan/backup_cover.hpp"
#include "plan/candidate_gain.hpp"
#include "plan/cover_loss.hpp"
#include "plan/location_problem.hpp"
#include "plan/nearest_sites.hpp"
#include "plan/plan_layers.hpp"
#include "report/document.hpp"

namespace caremap::report {

struct PlanReportInputs {
  core::Lang lang = core::Lang::ja;
  std::string region_title;                  ///< "宗像市・福津市"
  const analysis::Demand* demand = nullptr;  ///< required
  std::vector<plan::PlanSite> sites;         ///< the existing sites (site index order)
  std::string sites_title;                   ///< what they are: "診療所" / "clinics"
  std::size_t in_house_left_out = 0;         ///< in-house clinics not counted (施設内医務室)
  plan::ReachRule reach;
  /// The plan's provenance (cli plan_provenance): parameters, inputs, basis (distance, demand).
  core::Provenance provenance;
  const plan::BackupCover* cover = nullptr;           ///< required: today
  std::vector<plan::CoverLoss> losses;                ///< plan::n_minus_one, ranked
  const plan::BackupCover* worst_case = nullptr;      ///< losses[0].removed closed; may be null
  std::vector<plan::PlanSite> candidates;             ///< the location model's candidates
  const plan::LocationSolution* solution = nullptr;   ///< MCLP; may be null (no page 2)
  std::vector<plan::CandidateGain> gains;             ///< plan::candidate_gains, ranked
  const plan::BackupCover* with_new_sites = nullptr;  ///< sites, then solution's chosen
  std::string grid_spacing = "1km";                   ///< of the grid candidates, as given
  std::vector<std::string> candidate_places;  ///< per candidate, "33.81°N 130.50°E"; may be empty
  std::vector<plan::SiteNeighbours> neighbours;  ///< plan::nearest_other_sites, site order
  const plan::AccessResult* access = nullptr;    ///< 2SFCA of the sites; may be null (no page)
  core::LocalText access_method;                 ///< plan::access_method_label of it
  core::LayerPtr boundary;                       ///< may be null
  core::LayerPtr roads;                          ///< may be null
  core::LocalText road_basis;                    ///< what the drawn roads are; empty = none
  std::string road_credit;         ///< the network's credit when times are by road; empty otherwise
  std::string crs;                 ///< working CRS of the layers built here
  std::size_t rows_per_page = 34;  ///< rows of the long tables a page holds (by paper)
  std::string software;            ///< "caremap 0.1.0"
  std::string date;                ///< "2026-12-07"
};

/// The report. Throws core::ArgumentError when the demand or cover is missing, or when the
/// results do not match the demand and sites (sizes).
Report plan_report(const PlanReportInputs& in);

}  // namespace caremap::report
