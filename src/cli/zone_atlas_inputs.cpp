#include "cli/zone_atlas_inputs.hpp"

#include "cli/region_loading.hpp"
#include "core/error.hpp"

namespace caremap::cli {

namespace {

std::size_t name_column(const core::Layer& zones, const std::string& path,
                        const std::string& asked) {
  if (!asked.empty()) {
    if (const auto i = zones.field_index(asked)) {
      return *i;
    }
    std::string fields;
    for (const core::Field& f : zones.fields) {
      fields += (fields.empty() ? "" : ", ") + f.name;
    }
    throw core::InputError("--zone-name-field " + asked + ": no such field (the file has: " +
                               (fields.empty() ? "no fields" : fields) + ")",
                           core::ErrorContext{path, {}, std::nullopt, asked});
  }
  if (zones.name_field) {
    return *zones.name_field;
  }
  return zones.field_index("name").value_or(zones.fields.size());
}

}  // namespace

std::vector<report::ZoneAtlasPage> read_zone_atlas(const std::string& path,
                                                   const std::string& name_field,
                                                   const io::Region& region,
                                                   std::span<const analysis::ReachDisc> discs,
                                                   const analysis::Demand* demand, core::Lang lang,
                                                   core::Diagnostics& diagnostics) {
  const io::LoadedLayer read =
      read_input_file(path, loose_file_options(&region), region.working_crs);
  diagnostics.append(read.diagnostics);
  const core::Layer& zones = *read.layer;
  const std::size_t column = name_column(zones, path, name_field);
  const analysis::Demand none;
  const analysis::PeopleLocator people(demand ? *demand : none);
  std::vector<report::ZoneAtlasPage> out;
  for (std::size_t i = 0; i < zones.features.size(); ++i) {
    const core::Feature& f = zones.features[i];
    const auto polygon = core::as_multipolygon(f.geometry);
    if (!polygon || polygon->empty()) {
      diagnostics.add({core::Severity::warning,
                       "zone_not_polygon",
                       path,
                       i + 1,
                       {},
                       "not a polygon: no atlas page"});
      continue;
    }
    report::ZoneAtlasPage page;
    if (column < f.values.size()) {
      page.name = core::to_text(f.values[column]);
    }
    if (page.name.empty()) {
      page.name = (lang == core::Lang::ja ? "区域 " : "Zone ") + std::to_string(out.size() + 1);
    }
    auto one = std::make_shared<core::Layer>(zones);
    one->features = {f};
    one->category = core::Category::closure;
    one->features.front().category = core::Category::closure;
    page.zone = one;
    page.figures = analysis::zone_reach(people, discs, *polygon);
    out.push_back(std::move(page));
  }
  if (out.empty()) {
    throw core::InputError("no polygon to make an atlas page of (--atlas-zones wants areas)",
                           core::ErrorContext{path, {}, std::nullopt, {}});
  }
  return out;
}

}  // namespace caremap::cli
