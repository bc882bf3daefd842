#pragma once
// What a project file says about single features and fields of a layer beyond reading it:
// display titles for source fields, and marks that keep known quirks visible (a clinic in a list
// of stations, a point placed at another facility's address). See LayerSpec::field_titles and
// FeatureMark in io/project.hpp.

#include <string>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "io/project.hpp"

namespace caremap::io {

/// Appends the field kMarkField ("注記") when the spec has marks, and writes each mark's note
/// into the features it matches (several notes joined by "; "), with one info diagnostic per
/// match (code = the mark's code, file, source row, the field matched). A mark whose field does
/// not exist or that matches nothing gets a warning ("mark_unmatched"). O(features x marks).
void apply_marks(core::Layer& layer, const LayerSpec& spec, const std::string& file,
                 core::Diagnostics& diagnostics);

/// Renames fields as spec.field_titles says; a title for a field the layer does not have is a
/// warning ("field_title_unmatched"). Call after apply_marks (marks name source fields).
void apply_field_titles(core::Layer& layer, const LayerSpec& spec, const std::string& file,
                        core::Diagnostics& diagnostics);

}  // namespace caremap::io
