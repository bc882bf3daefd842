#include "io/population_fields.hpp"

#include "core/error.hpp"

namespace caremap::io {

namespace {

std::size_t require(const core::Layer& layer, const std::string& name, const std::string& key,
                    const std::string& file) {
  if (const auto i = layer.field_index(name)) {
    return *i;
  }
  std::string list;
  for (const auto& f : layer.fields) {
    list += (list.empty() ? "" : ", ") + f.name;
  }
  core::ErrorContext ctx;
  ctx.file = file;
  ctx.layer = layer.id;
  ctx.field = key;
  throw core::InputError("no field '" + name + "' for " + key + " (fields: " + list + ")", ctx);
}

}  // namespace

void add_standard_population_fields(LoadedLayer& loaded, const std::string& display_path) {
  const PopulationFields& names = loaded.spec.population_fields;
  if (loaded.layer->field_index("pop_total") || names.total.empty()) {
    return;
  }
  auto layer = std::make_shared<core::Layer>(*loaded.layer);
  const std::pair<const std::string*, const char*> wanted[] = {
      {&names.total, "pop_total"}, {&names.age65, "pop_65plus"}, {&names.age75, "pop_75plus"}};
  const char* keys[] = {"count_field", "age65_field", "age75_field"};
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& [source, target] = wanted[k];
    if (source->empty()) {
      continue;
    }
    const std::size_t from = require(*layer, *source, keys[k], display_path);
    const std::size_t to = layer->add_field(target, core::FieldType::real);
    for (core::Feature& f : layer->features) {
      const core::FieldValue& v = f.values[from];
      if (std::holds_alternative<std::monostate>(v)) {
        continue;
      }
      if (const auto n = core::to_number(v); n && *n >= 0.0) {
        f.values[to] = *n;
      } else {
        loaded.diagnostics.add(core::Diagnostic{
            core::Severity::warning, "unparsable_count", display_path, f.source_row, *source,
            "'" + core::to_text(v) + "' is not a count of people; read as unknown"});
      }
    }
  }
  loaded.layer = std::move(layer);
}

}  // namespace caremap::io
