#pragma once
// Pieces every report builder uses (coverage_report, drill_report): texts in the report's
// language, a map layer in the viewer's style, a padded extent, and the "data used" list of
// sources with their dates and credits.

#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/lang.hpp"
#include "core/layer.hpp"
#include "core/provenance.hpp"
#include "report/document.hpp"

namespace caremap::report {

/// A text in the report's language: tr("圏内", "within reach").
struct Tr {
  core::Lang lang;
  std::string operator()(const char* ja, const char* en) const {
    return lang == core::Lang::ja ? ja : en;
  }
  /// `s` in brackets after what comes before: fullwidth in Japanese, " (s)" in English.
  std::string bracketed(const std::string& s) const {
    return lang == core::Lang::ja ? "（" + s + "）" : " (" + s + ")";
  }
};

/// `layer` with style::default_layer_style, under `title` in the legend (empty: its own).
MapLayer map_layer(core::LayerPtr layer, std::string title = {}, bool legend = true);

/// `b` grown by `pad` of its larger side on every edge.
core::Box padded(const core::Box& b, double pad);

/// `b` grown about its centre so that each side is at least `min_side` metres (an atlas page
/// framed on a few points, or on one, still shows the streets around them).
core::Box at_least(const core::Box& b, double min_side);

/// Appends `s` unless it is empty or already there (credit lists keep their first order).
void add_unique(std::vector<std::string>& v, const std::string& s);

/// `inputs` followed by the provenance inputs of every non-null layer of `layers`.
std::vector<core::SourceRef> with_inputs_of(std::vector<core::SourceRef> inputs,
                                            const std::vector<core::LayerPtr>& layers);

/// Adds the credit line of every input to `credits`, each source once (core::add_credit).
void add_credits(std::vector<std::string>& credits, const std::vector<core::SourceRef>& inputs);

/// The name a reader of a `lang` report sees for a layer: its title in Japanese; in English the
/// title when it is in Latin letters, else its kind's English name ("診療所" -> "Clinic"), or
/// its id for a layer of no particular kind.
std::string layer_title(const core::Layer& layer, core::Lang lang);

/// Layer id -> the name to print for it (a report's data list names sources by it).
using SourceNames = std::vector<std::pair<std::string, std::string>>;

/// The layer_title of every non-null layer of `layers`, by id.
SourceNames source_names(const std::vector<core::LayerPtr>& layers, core::Lang lang);

/// "使用したデータ（データの日付・出典）": one row per distinct source (by layer id, else path):
/// named by `names` (by its layer id), else by the file's name (a layer id is a file-safe word,
/// not a name to print), then the path, its data date and its credit line.
KeyValueBlock sources_block(const std::vector<core::SourceRef>& inputs, core::Lang lang,
                            const SourceNames& names = {});

/// An analysis's provenance parameters as one line: "key=value, ..." in English (as every other
/// output writes them); in Japanese each key by its Japanese label and the values with words
/// (categories, models, "none", "yes") in Japanese, a value that is a layer id of `names` by its
/// name. Keys not known here are printed as they are.
std::string parameters_text(const std::vector<std::pair<std::string, std::string>>& parameters,
                            core::Lang lang, const SourceNames& names = {});

}  // namespace caremap::report
