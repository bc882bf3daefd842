#include "routing/osm_extent.hpp"

#include <osmium/io/any_input.hpp>
#include <osmium/osm/box.hpp>
#include <osmium/osm/node.hpp>

#include "core/error.hpp"

namespace caremap::routing {

std::optional<std::pair<core::LonLat, core::LonLat>> osm_extent(
    const std::filesystem::path& osm_path) {
  if (!std::filesystem::exists(osm_path)) {
    throw core::InputError("file not found",
                           core::ErrorContext{osm_path.string(), "", std::nullopt, ""});
  }
  osmium::Box box;
  try {
    osmium::io::Reader header_reader{osm_path.string(), osmium::osm_entity_bits::nothing};
    const osmium::io::Header header = header_reader.header();
    header_reader.close();
    if (!header.boxes().empty()) {
      box = header.joined_boxes();
    } else {
      osmium::io::Reader reader{osm_path.string(), osmium::osm_entity_bits::node};
      while (osmium::memory::Buffer buffer = reader.read()) {
        for (const osmium::Node& n : buffer.select<osmium::Node>()) {
          if (n.location().valid()) {
            box.extend(n.location());
          }
        }
      }
      reader.close();
    }
  } catch (const std::exception& e) {
    throw core::InputError(std::string("cannot read OpenStreetMap data: ") + e.what(),
                           core::ErrorContext{osm_path.string(), "", std::nullopt, ""});
  }
  if (!box.valid()) {
    return std::nullopt;
  }
  return std::make_pair(core::LonLat{box.bottom_left().lon(), box.bottom_left().lat()},
                        core::LonLat{box.top_right().lon(), box.top_right().lat()});
}

}  // namespace caremap::routing
