#include "io/feature_marks.hpp"

namespace caremap::io {

void apply_marks(core::Layer& layer, const LayerSpec& spec, const std::string& file,
                 core::Diagnostics& diagnostics) {
  if (spec.marks.empty()) {
    return;
  }
  const std::size_t note_field = layer.add_field(std::string(kMarkField), core::FieldType::text);
  for (const FeatureMark& mark : spec.marks) {
    const auto field = layer.field_index(mark.match.field);
    std::size_t matches = 0;
    for (core::Feature& f : layer.features) {
      if (!field || !mark.match.matches(core::to_text(f.values[*field]))) {
        continue;
      }
      ++matches;
      auto& note = f.values[note_field];
      const std::string before = core::to_text(note);
      note = before.empty() ? mark.note : before + "; " + mark.note;
      const std::string name =
          layer.name_field ? core::to_text(f.values[*layer.name_field]) : std::string();
      diagnostics.add(core::Diagnostic{
          core::Severity::info, mark.code, file,
          f.source_row > 0 ? std::optional(f.source_row) : std::nullopt, mark.match.field,
          (name.empty() ? std::string() : name + ": ") + mark.note});
    }
    if (matches == 0) {
      diagnostics.add(core::Diagnostic{
          core::Severity::warning, "mark_unmatched", file, std::nullopt, mark.match.field,
          field ? "no feature matches the mark '" + mark.code + "'"
                : "the mark '" + mark.code + "' names a field the layer does not have"});
    }
  }
}

void apply_field_titles(core::Layer& layer, const LayerSpec& spec, const std::string& file,
                        core::Diagnostics& diagnostics) {
  for (const auto& [source, title] : spec.field_titles) {
    if (const auto i = layer.field_index(source)) {
      layer.fields[*i].name = title;
    } else {
      diagnostics.add(core::Diagnostic{core::Severity::warning, "field_title_unmatched", file,
                                       std::nullopt, source,
                                       "no field '" + source + "' to title '" + title + "'"});
    }
  }
}

}  // namespace caremap::io
