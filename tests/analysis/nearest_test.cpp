#include "analysis/nearest.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/error.hpp"
#include "fixtures.hpp"
#include "random_points.hpp"

using namespace caremap;
using analysis::NearestParams;
using core::Category;
using core::XY;
using test::random_points;

namespace {

struct Candidate {
  double distance;
  std::string layer;
  std::uint32_t feature;
};

// Every facility of every layer sorted by (distance, layer position, feature): the definition
// of the answer, computed the slow way.
std::vector<Candidate> brute_force(XY p, const std::vector<core::LayerPtr>& layers) {
  std::vector<std::pair<std::pair<double, std::size_t>, Candidate>> all;
  for (std::size_t li = 0; li < layers.size(); ++li) {
    for (std::uint32_t fi = 0; fi < layers[li]->features.size(); ++fi) {
      const XY q = std::get<XY>(layers[li]->features[fi].geometry);
      const double d = std::hypot(q.x - p.x, q.y - p.y);
      all.push_back({{d, li}, Candidate{d, layers[li]->id, fi}});
    }
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.first, a.first.second, a.second.feature) <
           std::tie(b.first.first, b.first.second, b.second.feature);
  });
  std::vector<Candidate> out;
  for (auto& [key, c] : all) {
    out.push_back(c);
  }
  return out;
}

}  // namespace

TEST_CASE("k nearest over two facility layers agree with brute force", "[analysis][nearest]") {
  const auto demand = test::point_layer("patients", Category::demand, random_points(400, 1));
  const std::vector<core::LayerPtr> layers{
      test::point_layer("clinics_a", Category::clinic, random_points(300, 2)),
      test::point_layer("clinics_b", Category::clinic, random_points(200, 3))};
  NearestParams params;
  params.categories = {Category::clinic};
  params.k = 3;
  const auto result = analysis::nearest(*demand, layers, params);

  REQUIRE(result.rows.size() == 400 * 3);
  CHECK(result.summary.demand_points == 400);
  CHECK(result.summary.matched == 400);
  CHECK(result.summary.facilities == 500);
  for (std::size_t i = 0; i < 400; ++i) {
    const XY p = std::get<XY>(demand->features[i].geometry);
    const auto expected = brute_force(p, layers);
    for (std::size_t r = 0; r < 3; ++r) {
      const analysis::NearestRow& row = result.rows[i * 3 + r];
      const analysis::NearestFacility& f = result.facilities[row.facility];
      CHECK(row.demand.value == i);
      CHECK(row.rank == r + 1);
      CHECK(row.distance.value == Approx(expected[r].distance).margin(1e-9));
      CHECK(f.layer_id == expected[r].layer);
      CHECK(f.feature.value == expected[r].feature);
    }
  }
}

TEST_CASE("summary statistics describe the rank-1 distances", "[analysis][nearest]") {
  const auto demand = test::point_layer("patients", Category::demand, random_points(301, 4));
  const std::vector<core::LayerPtr> layers{
      test::point_layer("hospitals", Category::hospital, random_points(40, 5))};
  const auto result = analysis::nearest(*demand, layers, NearestParams{});
  std::vector<double> d;
  for (const auto& f : demand->features) {
    d.push_back(brute_force(std::get<XY>(f.geometry), layers).front().distance);
  }
  std::sort(d.begin(), d.end());
  double sum = 0;
  for (double v : d) {
    sum += v;
  }
  const auto& s = result.summary.nearest;
  CHECK(s.count == 301);
  CHECK(s.mean.value == Approx(sum / 301).margin(1e-6));
  CHECK(s.median.value == Approx(d[150]).margin(1e-9));  // odd count: the middle value
  CHECK(s.p90.value == Approx(d[270]).margin(1e-9));     // 0.9 * 300 = 270 exactly
  CHECK(s.max.value == Approx(d.back()).margin(1e-9));
}

TEST_CASE("a hospital request includes backup hospitals and nothing else", "[analysis][nearest]") {
  auto layer = test::point_layer("medical", Category::hospital,
                                 {{0, 0}, {100, 0}, {200, 0}, {300, 0}, {400, 0}});
  layer->features[0].category = Category::clinic;           // nearest, but a clinic
  layer->features[1].category = Category::backup_hospital;  // a hospital too
  layer->features[2].category = Category::other;            // takes the layer's: hospital
  layer->features[3].category = Category::pharmacy;
  const std::vector<core::LayerPtr> layers{layer};
  NearestParams params;
  params.categories = {Category::hospital};
  params.k = 5;
  const auto result = analysis::nearest(XY{-10, 0}, layers, params);
  REQUIRE(result.rows.size() == 3);
  CHECK(result.facilities[result.rows[0].facility].feature.value == 1);
  CHECK(result.facilities[result.rows[0].facility].category == Category::backup_hospital);
  CHECK(result.facilities[result.rows[1].facility].feature.value == 2);
  CHECK(result.facilities[result.rows[1].facility].category == Category::hospital);
  CHECK(result.facilities[result.rows[2].facility].feature.value == 4);
  CHECK(result.rows[0].distance.value == Approx(110.0));

  params.categories = {Category::backup_hospital};
  const auto backup_only = analysis::nearest(XY{-10, 0}, layers, params);
  REQUIRE(backup_only.rows.size() == 1);
  CHECK(backup_only.facilities[backup_only.rows[0].facility].feature.value == 1);
}

TEST_CASE("max distance leaves far demand points unmatched, with diagnostics",
          "[analysis][nearest]") {
  const auto demand =
      test::point_layer("patients", Category::demand, {{0, 0}, {900, 0}, {5000, 0}, {1500, 0}});
  const std::vector<core::LayerPtr> layers{
      test::point_layer("clinics", Category::clinic, {{1000, 0}, {1100, 0}})};
  NearestParams params;
  params.k = 2;
  params.max_distance = core::Meters{500};
  const auto result = analysis::nearest(*demand, layers, params);
  // (0,0): 1000 m, none. (900,0): 100 and 200 m. (5000,0): none. (1500,0): 400 m and 500 m.
  CHECK(result.summary.matched == 2);
  CHECK(result.summary.unmatched == 2);
  REQUIRE(result.rows.size() == 4);
  CHECK(result.rows[2].demand.value == 3);
  CHECK(result.rows[3].distance.value == Approx(500.0));  // exactly at the limit: inside
  CHECK(result.diagnostics.count("no_facility_within_max_distance") == 2);
  const auto& d = result.diagnostics.items().front();
  CHECK(d.row == std::optional<std::size_t>(1));
  CHECK(d.message.find("500 m") != std::string::npos);
  CHECK(result.summary.nearest.count == 2);
  CHECK(result.summary.nearest.max.value == Approx(400.0));
}

TEST_CASE("ties are broken by facility order, whatever the tree layout", "[analysis][nearest]") {
  // Facilities on the corners of squares around each demand point, all four equidistant; the
  // nearest is always the first of the four in layer order, though the tree holds them in
  // another order.
  std::vector<XY> facilities;
  std::vector<XY> demand_points;
  for (int i = 0; i < 30; ++i) {
    for (int j = 0; j < 30; ++j) {
      demand_points.push_back({i * 1000.0 + 500, j * 1000.0 + 500});
    }
  }
  for (int i = 0; i <= 30; ++i) {
    for (int j = 0; j <= 30; ++j) {
      facilities.push_back({i * 1000.0, j * 1000.0});
    }
  }
  std::reverse(facilities.begin(), facilities.end());
  const auto demand = test::point_layer("patients", Category::demand, demand_points);
  const std::vector<core::LayerPtr> layers{
      test::point_layer("shelters", Category::shelter_evacuation, facilities)};
  NearestParams params;
  params.k = 2;
  const auto result = analysis::nearest(*demand, layers, params);
  REQUIRE(result.rows.size() == demand_points.size() * 2);
  for (std::size_t i = 0; i < demand_points.size(); ++i) {
    const XY p = demand_points[i];
    std::vector<std::uint32_t> tied;
    for (std::uint32_t f = 0; f < facilities.size(); ++f) {
      if (std::abs(std::abs(facilities[f].x - p.x) - 500) < 1e-9 &&
          std::abs(std::abs(facilities[f].y - p.y) - 500) < 1e-9) {
        tied.push_back(f);
      }
    }
    REQUIRE(tied.size() == 4);
    CHECK(result.facilities[result.rows[2 * i].facility].feature.value == tied[0]);
    CHECK(result.facilities[result.rows[2 * i + 1].facility].feature.value == tied[1]);
  }
}

TEST_CASE("links run from the demand point to the facility", "[analysis][nearest]") {
  const auto demand = test::point_layer("patients", Category::demand, random_points(50, 6));
  const std::vector<core::LayerPtr> layers{
      test::point_layer("pharmacies", Category::pharmacy, random_points(20, 7))};
  NearestParams params;
  params.k = 2;
  const auto result = analysis::nearest(*demand, layers, params);
  const core::Layer& links = result.links;
  CHECK(links.category == Category::nearest_link);
  CHECK(links.crs == "EPSG:6670");
  REQUIRE(links.size() == result.rows.size());
  const std::size_t distance_field = links.require_field("distance_m");
  const std::size_t demand_field = links.require_field("demand_fid");
  const std::size_t rank_field = links.require_field("rank");
  const std::size_t name_field = links.require_field("facility_name");
  for (std::size_t i = 0; i < links.size(); ++i) {
    const auto& f = links.features[i];
    const auto& line = std::get<core::LineString>(f.geometry);
    const auto& row = result.rows[i];
    REQUIRE(line.size() == 2);
    CHECK(line.front() == std::get<XY>(demand->features[row.demand.value].geometry));
    CHECK(line.back() == result.facilities[row.facility].position);
    CHECK(std::get<double>(f.values[distance_field]) ==
          Approx(core::length(f.geometry).value).margin(1e-9));
    CHECK(std::get<std::int64_t>(f.values[demand_field]) == row.demand.value);
    CHECK(std::get<std::int64_t>(f.values[rank_field]) == row.rank);
    CHECK(std::get<std::string>(f.values[name_field]) ==
          "pharmacies-" + std::to_string(result.facilities[row.facility].feature.value));
  }

  // For tables: the same rows at the demand points, no lines.
  params.link_geometry = analysis::LinkGeometry::demand_point;
  const auto table = analysis::nearest(*demand, layers, params);
  REQUIRE(table.links.size() == links.size());
  for (std::size_t i = 0; i < table.links.size(); ++i) {
    CHECK(std::get<XY>(table.links.features[i].geometry) ==
          std::get<core::LineString>(links.features[i].geometry).front());
    CHECK(table.links.features[i].values == links.features[i].values);
  }

  params.build_links = false;
  const auto without = analysis::nearest(*demand, layers, params);
  CHECK(without.links.features.empty());
  CHECK(without.links.fields.size() == links.fields.size());
  CHECK(without.rows.size() == result.rows.size());
}

TEST_CASE("a demand layer kept in its own CRS is searched from the positions given",
          "[analysis][nearest]") {
  // The demand as read (here: the working-CRS points shifted by 1,000,000 m, standing for
  // lon/lat), and its positions in the facilities' CRS beside it.
  const std::vector<XY> working = random_points(40, 11);
  std::vector<XY> own;
  for (const XY& p : working) {
    own.push_back({p.x + 1e6, p.y + 1e6});
  }
  auto demand =
      std::make_shared<core::Layer>(*test::point_layer("patients", Category::demand, own));
  demand->crs = "EPSG:4326";
  const std::vector<core::LayerPtr> layers{
      test::point_layer("clinics", Category::clinic, random_points(25, 12))};
  const auto same_crs = analysis::nearest(*test::point_layer("patients", Category::demand, working),
                                          layers, NearestParams{});

  NearestParams params;
  params.link_geometry = analysis::LinkGeometry::demand_point;
  const auto table = analysis::nearest(*demand, working, layers, params);
  REQUIRE(table.rows.size() == same_crs.rows.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    CHECK(table.rows[i].facility == same_crs.rows[i].facility);
    CHECK(table.rows[i].distance == same_crs.rows[i].distance);
  }
  // Table rows are the demand's own points, in its CRS, streamed or built alike.
  CHECK(table.links.crs == "EPSG:4326");
  REQUIRE(table.links.size() == own.size());
  const analysis::NearestLinks streamed(table, *demand, analysis::LinkGeometry::demand_point);
  core::Feature f;
  for (std::size_t i = 0; i < table.links.size(); ++i) {
    CHECK(std::get<XY>(table.links.features[i].geometry) == own[table.rows[i].demand.value]);
    streamed.get(i, f);
    CHECK(std::get<XY>(f.geometry) == own[table.rows[i].demand.value]);
  }
  // Asked for lines, the result made for points would write them under the demand's CRS.
  CHECK_THROWS_AS(analysis::NearestLinks(table, *demand, analysis::LinkGeometry::line),
                  core::ArgumentError);
  // Lines join the searched position to the facility, in the facilities' CRS.
  params.link_geometry = analysis::LinkGeometry::line;
  const auto lines = analysis::nearest(*demand, working, layers, params);
  CHECK(lines.links.crs == "EPSG:6670");
  const analysis::NearestLinks streamed_lines(lines, *demand, analysis::LinkGeometry::line);
  for (std::size_t i = 0; i < lines.links.size(); ++i) {
    const XY from = working[lines.rows[i].demand.value];
    CHECK(std::get<core::LineString>(lines.links.features[i].geometry).front() == from);
    streamed_lines.get(i, f);
    CHECK(std::get<core::LineString>(f.geometry).front() == from);
  }

  // A position PROJ could not give is reported and skipped; a count mismatch is an error.
  std::vector<XY> missing = working;
  missing[3] = XY{std::nan(""), std::nan("")};
  const auto skipped = analysis::nearest(*demand, missing, layers, params);
  CHECK(skipped.rows.size() == working.size() - 1);
  CHECK(skipped.diagnostics.count("demand_without_geometry") == 1);
  missing.pop_back();
  CHECK_THROWS_AS(analysis::nearest(*demand, missing, layers, params), core::ArgumentError);
  // Without positions, layers in different CRSs are refused as before.
  CHECK_THROWS_AS(analysis::nearest(*demand, layers, params), core::ArgumentError);
}

TEST_CASE("one thread and four threads give identical answers", "[analysis][nearest]") {
  // More points than one chunk, so the work really is split.
  const auto demand = test::point_layer("patients", Category::demand, random_points(30'000, 8));
  const std::vector<core::LayerPtr> layers{
      test::point_layer("clinics", Category::clinic, random_points(500, 9))};
  NearestParams params;
  params.k = 2;
  params.build_links = false;
  params.threads = 1;
  const auto one = analysis::nearest(*demand, layers, params);
  params.threads = 4;
  const auto four = analysis::nearest(*demand, layers, params);
  REQUIRE(one.rows.size() == four.rows.size());
  REQUIRE(one.rows.size() == 60'000);
  bool identical = true;
  for (std::size_t i = 0; i < one.rows.size(); ++i) {
    identical = identical && one.rows[i].demand == four.rows[i].demand &&
                one.rows[i].facility == four.rows[i].facility &&
                one.rows[i].distance == four.rows[i].distance;
  }
  CHECK(identical);
  CHECK(one.summary.nearest.mean == four.summary.nearest.mean);
}

TEST_CASE("the table kernel reuses its buffers and matches the layer result",
          "[analysis][nearest]") {
  const auto facility_points = random_points(100, 10);
  std::vector<index::PointIndex::Value> values;
  for (std::uint32_t i = 0; i < facility_points.size(); ++i) {
    values.emplace_back(facility_points[i], core::FeatureId{i});
  }
  const index::PointIndex idx(values);
  analysis::NearestTable table;
  const auto big = random_points(1000, 11);
  analysis::nearest_table(idx, big, {3, std::nullopt, 2}, table);
  CHECK(table.hits.size() == 3000);
  const auto small = random_points(10, 12);
  analysis::nearest_table(idx, small, {1, core::Meters{300}, 1}, table);
  REQUIRE(table.counts.size() == 10);
  CHECK(table.k == 1);
  for (std::size_t i = 0; i < small.size(); ++i) {
    double best = 1e300;
    std::uint32_t best_id = 0;
    for (std::uint32_t f = 0; f < facility_points.size(); ++f) {
      const double d =
          std::hypot(facility_points[f].x - small[i].x, facility_points[f].y - small[i].y);
      if (d < best) {
        best = d;
        best_id = f;
      }
    }
    CHECK(table.counts[i] == (best <= 300 ? 1u : 0u));
    if (table.counts[i] == 1) {
      CHECK(table.hits[i].id.value == best_id);
    }
  }
}

TEST_CASE("nearest from a single location", "[analysis][nearest]") {
  const std::vector<core::LayerPtr> layers{
      test::point_layer("hospitals", Category::hospital, {{3000, 4000}, {-600, 800}})};
  const auto result = analysis::nearest(XY{0, 0}, layers, NearestParams{});
  REQUIRE(result.rows.size() == 1);
  CHECK(result.rows[0].distance.value == Approx(1000.0));
  CHECK(result.facilities[result.rows[0].facility].name == "hospitals-1");
  REQUIRE(result.links.size() == 1);
  CHECK(core::to_text(result.links.features[0].values[1]) == "location");
  CHECK(result.links.crs == "EPSG:6670");
}

TEST_CASE("nearest records its provenance", "[analysis][nearest]") {
  const auto demand = test::point_layer("patients", Category::demand, {{0, 0}});
  const std::vector<core::LayerPtr> layers{
      test::point_layer("hospitals", Category::hospital, {{10, 0}}),
      test::point_layer("clinics", Category::clinic, {{20, 0}})};
  NearestParams params;
  params.categories = {Category::hospital, Category::clinic};
  params.k = 2;
  params.max_distance = core::Meters{2500};
  const auto result = analysis::nearest(*demand, layers, params);
  const core::Provenance& p = result.links.provenance;
  CHECK(p.operation == "nearest");
  using Param = std::pair<std::string, std::string>;
  const auto has = [&p](const Param& kv) {
    return std::find(p.parameters.begin(), p.parameters.end(), kv) != p.parameters.end();
  };
  CHECK(has({"categories", "hospital+clinic"}));
  CHECK(has({"k", "2"}));
  CHECK(has({"max_distance_m", "2500"}));
  CHECK(has({"demand", "patients"}));
  REQUIRE(p.inputs.size() == 3);
  CHECK(p.inputs[0].path == "patients.csv");
  CHECK(p.inputs[2].path == "clinics.csv");
}

TEST_CASE("invalid nearest requests are argument errors", "[analysis][nearest]") {
  const auto demand = test::point_layer("patients", Category::demand, {{0, 0}});
  const std::vector<core::LayerPtr> layers{
      test::point_layer("hospitals", Category::hospital, {{10, 0}})};
  NearestParams params;
  params.k = 0;
  CHECK_THROWS_AS(analysis::nearest(*demand, layers, params), core::ArgumentError);
  params.k = 1;
  params.max_distance = core::Meters{-1};
  CHECK_THROWS_AS(analysis::nearest(*demand, layers, params), core::ArgumentError);
  params.max_distance.reset();
  auto other_crs = test::point_layer("far", Category::hospital, {{10, 0}});
  other_crs->crs = "EPSG:6677";
  const std::vector<core::LayerPtr> mixed{other_crs};
  CHECK_THROWS_AS(analysis::nearest(*demand, mixed, params), core::ArgumentError);
  const std::vector<core::LayerPtr> missing{nullptr};
  CHECK_THROWS_AS(analysis::nearest(*demand, missing, params), core::ArgumentError);
}

TEST_CASE("rows without a position become diagnostics, not crashes", "[analysis][nearest]") {
  auto demand = test::point_layer("patients", Category::demand, {{0, 0}, {5, 5}, {6, 6}});
  demand->features[1].geometry = std::monostate{};
  demand->features[2].geometry = XY{std::nan(""), 6};
  auto hospitals = test::point_layer("hospitals", Category::hospital, {{10, 0}, {20, 0}});
  hospitals->features[0].geometry = std::monostate{};
  const std::vector<core::LayerPtr> layers{hospitals};
  const auto result = analysis::nearest(*demand, layers, NearestParams{});
  CHECK(result.diagnostics.count("demand_without_geometry") == 2);
  CHECK(result.diagnostics.count("facility_without_geometry") == 1);
  REQUIRE(result.rows.size() == 1);
  CHECK(result.rows[0].distance.value == Approx(20.0));

  NearestParams dental;
  dental.categories = {Category::dental};
  const auto none = analysis::nearest(*demand, layers, dental);
  CHECK(none.diagnostics.count("no_facilities") == 1);
  CHECK(none.summary.unmatched == 1);
}

TEST_CASE("a cancelled nearest run stops with Cancelled", "[analysis][nearest]") {
  const auto demand = test::point_layer("patients", Category::demand, random_points(20'000, 13));
  const std::vector<core::LayerPtr> layers{
      test::point_layer("clinics", Category::clinic, random_points(50, 14))};
  core::Progress progress;
  progress.cancel();
  CHECK_THROWS_AS(analysis::nearest(*demand, layers, NearestParams{}, &progress), core::Cancelled);
  core::Progress running;
  analysis::nearest(*demand, layers, NearestParams{}, &running);
  CHECK(running.fraction() == Approx(1.0));
}
