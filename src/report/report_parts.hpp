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

/// "使用したデータ（データの日付・出典）": one row per distinct source (by layer id, else path):
/// the path, its data date and its credit line.
KeyValueBlock sources_block(const std::vector<core::SourceRef>& inputs, core::Lang lang);

}  // namespace caremap::report
