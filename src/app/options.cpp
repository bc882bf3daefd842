#include "app/options.hpp"

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
    } else if (arg == "--basemap") {
      o.basemaps.emplace_back(value());
    } else if (arg == "--gsi") {
      o.gsi = true;
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
  --inspector                   open the inspector panel
  --table LAYER_ID              open the attribute table on a layer
  --search TEXT                 search text for the table
  --select LAYER_ID:ROW         select a feature and centre on it
  --nearest LON,LAT             nearest facilities from a location
  --k N                         facilities per category for --nearest (default 3)
  --coverage CATEGORY[:RADIUS_M]  coverage analysis (e.g. clinic:4000)
  --basemap PATH                add a GeoTIFF or MBTiles basemap
  --gsi                         GSI tile basemap (needs network)
  --dump-state OUT.json         write camera, map rectangle and labels after the last frame
  --no-settings                 neither read nor write the settings file
)";
}

}  // namespace caremap::app
