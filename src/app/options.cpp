#include "app/options.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

#include "core/error.hpp"

namespace caremap::app {

namespace {

[[noreturn]] void fail(std::string_view option, std::string_view why) {
  throw core::ArgumentError(std::string(option) + ": " + std::string(why));
}

double to_double(std::string_view option, std::string_view text) {
  // std::from_chars for double is in GCC 12's library.
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size()) {
    fail(option, "not a number: '" + std::string(text) + "'");
  }
  return v;
}

long to_int(std::string_view option, std::string_view text, long min, long max) {
  long v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size()) {
    fail(option, "not an integer: '" + std::string(text) + "'");
  }
  if (v < min || v > max) {
    fail(option, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t p = s.find(sep, start);
    out.push_back(
        s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) {
      return out;
    }
    start = p + 1;
  }
}

core::LonLat parse_lonlat(std::string_view option, std::string_view text) {
  const auto parts = split(text, ',');
  if (parts.size() != 2) {
    fail(option, "expected LON,LAT");
  }
  const core::LonLat p{to_double(option, parts[0]), to_double(option, parts[1])};
  if (p.lon < -180 || p.lon > 180 || p.lat < -90 || p.lat > 90) {
    fail(option, "longitude or latitude out of range");
  }
  return p;
}

}  // namespace

std::vector<core::LonLat> parse_lonlat_list(std::string_view option, std::string_view text,
                                            std::size_t min_points) {
  std::vector<core::LonLat> out;
  for (std::string_view part : split(text, ',')) {
    const auto first = part.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      continue;
    }
    part = part.substr(first, part.find_last_not_of(' ') - first + 1);
    const auto space = part.find(' ');
    if (space == std::string_view::npos) {
      fail(option, "expected \"lon lat, lon lat, ...\", got '" + std::string(part) + "'");
    }
    const std::string_view rest = part.substr(part.find_first_not_of(' ', space));
    const core::LonLat p{to_double(option, part.substr(0, space)), to_double(option, rest)};
    if (p.lon < -180 || p.lon > 180 || p.lat < -90 || p.lat > 90) {
      fail(option, "longitude or latitude out of range");
    }
    out.push_back(p);
  }
  if (out.size() < min_points) {
    fail(option, "needs at least " + std::to_string(min_points) + " points");
  }
  return out;
}

ViewerOptions parse_viewer_options(std::span<const std::string_view> args) {
  ViewerOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    std::string_view inline_value;
    bool has_inline = false;
    if (arg.starts_with("--")) {
      if (const auto eq = arg.find('='); eq != std::string_view::npos) {
        inline_value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
        has_inline = true;
      }
    }
    auto value = [&]() -> std::string_view {
      if (has_inline) {
        return inline_value;
      }
      if (i + 1 >= args.size()) {
        fail(arg, "needs a value");
      }
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--region") {
      o.region = std::string(value());
    } else if (arg == "--lang") {
      const auto v = value();
      o.lang = parse_lang(v);
      if (!o.lang) {
        fail(arg, "expected ja or en, got '" + std::string(v) + "'");
      }
    } else if (arg == "--size") {
      const auto v = value();
      const auto x = v.find('x');
      if (x == std::string_view::npos) {
        fail(arg, "expected WxH");
      }
      o.width = static_cast<int>(to_int(arg, v.substr(0, x), 320, 16384));
      o.height = static_cast<int>(to_int(arg, v.substr(x + 1), 240, 16384));
    } else if (arg == "--view") {
      const auto parts = split(value(), ',');
      if (parts.size() != 3) {
        fail(arg, "expected LON,LAT,ZOOM");
      }
      ViewOption v;
      v.center = core::LonLat{to_double(arg, parts[0]), to_double(arg, parts[1])};
      v.zoom = to_double(arg, parts[2]);
      if (v.zoom < 0 || v.zoom > 24) {
        fail(arg, "zoom must be between 0 and 24");
      }
      o.view = v;
    } else if (arg == "--fit") {
      o.fit_layer = std::string(value());
    } else if (arg == "--screenshot") {
      o.screenshot = std::filesystem::path(value());
    } else if (arg == "--frames") {
      o.frames = static_cast<int>(to_int(arg, value(), 1, 100000));
    } else if (arg == "--export-map") {
      o.export_map = std::filesystem::path(value());
    } else if (arg == "--export-width") {
      o.export_width = static_cast<int>(to_int(arg, value(), 64, 16384));
    } else if (arg == "--export-height") {
      o.export_height = static_cast<int>(to_int(arg, value(), 64, 16384));
    } else if (arg == "--inspector") {
      o.inspector = true;
    } else if (arg == "--table") {
      o.table_layer = std::string(value());
    } else if (arg == "--search") {
      o.search = std::string(value());
    } else if (arg == "--select") {
      const auto v = value();
      const auto colon = v.rfind(':');
      if (colon == std::string_view::npos) {
        fail(arg, "expected LAYER_ID:ROW");
      }
      o.select =
          SelectOption{std::string(v.substr(0, colon)),
                       static_cast<std::size_t>(to_int(arg, v.substr(colon + 1), 0, 1L << 40))};
    } else if (arg == "--nearest") {
      o.nearest = parse_lonlat(arg, value());
    } else if (arg == "--k") {
      o.nearest_k = static_cast<std::size_t>(to_int(arg, value(), 1, 20));
    } else if (arg == "--coverage") {
      const auto parts = split(value(), ':');
      CoverageOption c;
      const auto cat = core::parse_category(parts[0]);
      if (!cat || !core::is_facility(*cat)) {
        fail(arg, "unknown facility category '" + std::string(parts[0]) + "'");
      }
      c.category = *cat;
      if (parts.size() == 2) {
        c.radius_m = to_double(arg, parts[1]);
        if (!(*c.radius_m > 0)) {
          fail(arg, "radius must be positive");
        }
      } else if (parts.size() > 2) {
        fail(arg, "expected CATEGORY[:RADIUS_M]");
      }
      o.coverage = c;
    } else if (arg == "--osm") {
      o.osm = std::filesystem::path(value());
    } else if (arg == "--profile") {
      const auto v = value();
      if (v != "car" && v != "walking") {
        fail(arg, "expected car or walking, got '" + std::string(v) + "'");
      }
      o.profile = std::string(v);
    } else if (arg == "--route") {
      o.route = parse_lonlat(arg, value());
    } else if (arg == "--service-area") {
      o.service_area = parse_lonlat(arg, value());
    } else if (arg == "--bands") {
      o.bands = std::string(value());
    } else if (arg == "--sa-mode") {
      const auto v = value();
      const std::array<std::string_view, 3> modes{"overlap", "split", "dissolve"};
      const auto it = std::find(modes.begin(), modes.end(), v);
      if (it == modes.end()) {
        fail(arg, "expected overlap, split or dissolve");
      }
      o.sa_mode = static_cast<int>(it - modes.begin());
    } else if (arg == "--sa-shape") {
      const auto v = value();
      if (v != "disks" && v != "rings") {
        fail(arg, "expected disks or rings");
      }
      o.sa_shape = v == "disks" ? 0 : 1;
    } else if (arg == "--closure-polygon") {
      o.closures.push_back(ClosureOption{"area", parse_lonlat_list(arg, value(), 3), 2.0});
    } else if (arg == "--closure-line") {
      o.closures.push_back(ClosureOption{"line", parse_lonlat_list(arg, value(), 2), 2.0});
    } else if (arg == "--slowdown") {
      const auto v = value();
      const auto colon = v.find(':');
      if (colon == std::string_view::npos) {
        fail(arg, "expected FACTOR:lon lat, lon lat, ...");
      }
      const double factor = to_double(arg, v.substr(0, colon));
      if (!(factor > 0.0) || factor > 100.0) {
        fail(arg, "the factor must be above 0 and at most 100");
      }
      o.closures.push_back(
          ClosureOption{"slowdown", parse_lonlat_list(arg, v.substr(colon + 1), 3), factor});
    } else if (arg == "--closures") {
      o.closures_file = std::filesystem::path(value());
    } else if (arg == "--tab") {
      const auto v = value();
      if (v != "basic" && v != "network") {
        fail(arg, "expected basic or network");
      }
      o.tab = v == "basic" ? 0 : 1;
    } else if (arg == "--basemap") {
      o.basemaps.emplace_back(value());
    } else if (arg == "--gsi") {
      o.gsi = true;
    } else if (arg == "--pan") {
      o.pan_px = to_double(arg, value());
      if (!(o.pan_px >= 0.0 && o.pan_px <= 1000.0)) {
        fail(arg, "must be between 0 and 1000 pixels");
      }
    } else if (arg == "--dump-state") {
      o.dump_state = std::filesystem::path(value());
    } else if (arg == "--no-settings") {
      o.no_settings = true;
    } else if (arg.starts_with("-") && arg.size() > 1) {
      fail(arg, "unknown option (see --help)");
    } else {
      o.inputs.emplace_back(arg);
    }
  }
  return o;
}

const char* viewer_usage() {
  return R"(usage: caremap-viewer [project.json | data files...] [options]
  --region NAME                 open a named region (default munakata-fukutsu)
  --lang ja|en                  UI language
  --size WxH                    window size (default 1600x1000)
  --view LON,LAT,ZOOM           centre and web-map zoom level
  --fit LAYER_ID                fit the view to one layer
  --screenshot OUT.png          render, save the window as PNG and exit
  --frames N                    frames before the screenshot (default 3)
  --export-map OUT.png          save the map alone (offscreen, for slides) and exit
  --export-width PX             width of --export-map (default 3000)
  --export-height PX             height of --export-map (default: the map's aspect ratio)
  --inspector                   open the inspector panel
  --table LAYER_ID              open the attribute table on a layer
  --search TEXT                 search text for the table
  --select LAYER_ID:ROW         select a feature and centre on it
  --nearest LON,LAT             nearest facilities from a location
  --k N                         facilities per category for --nearest (default 3)
  --coverage CATEGORY[:RADIUS_M]  coverage analysis (e.g. clinic:4000)
  --osm FILE                    load an OpenStreetMap extract as the road network
  --profile car|walking         travel profile (default car)
  --route LON,LAT               nearest facilities by travel time from a location
  --service-area LON,LAT        service areas from a location
  --bands LIST                  service-area bands in minutes (default 5,10,15,30)
  --sa-mode overlap|split|dissolve
  --sa-shape disks|rings
  --closure-polygon "LON LAT, ..."  a closed area (repeatable)
  --closure-line "LON LAT, ..."     a closed line (repeatable)
  --slowdown "F:LON LAT, ..."       a slowdown area, travel time x F (repeatable)
  --closures FILE               closures from a file (polygons, lines, points, factor, way_id)
  --tab basic|network           open this tab of the analysis panel
  --basemap PATH                add a GeoTIFF or MBTiles basemap
  --gsi                         GSI tile basemap (needs network)
  --pan PX                      pan PX pixels every frame, back and forth (benchmarks)
  --dump-state OUT.json         write camera, map rectangle and labels after the last frame
  --no-settings                 neither read nor write the settings file
)";
}

}  // namespace caremap::app
