#include "app/options.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <initializer_list>

#include "core/argument_parsing.hpp"
#include "core/error.hpp"

namespace caremap::app {

namespace {

[[noreturn]] void fail(std::string_view option, std::string_view why) {
  throw core::ArgumentError(std::string(option) + ": " + std::string(why));
}

double to_double(std::string_view option, std::string_view text) {
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

// One of `choices`, as its index.
int choice(std::string_view option, std::string_view value,
           std::initializer_list<std::string_view> choices) {
  int i = 0;
  std::string expected;
  for (std::string_view c : choices) {
    if (c == value) {
      return i;
    }
    expected += (expected.empty() ? "" : " or ") + std::string(c);
    ++i;
  }
  fail(option, "expected " + expected + ", got '" + std::string(value) + "'");
}

// A CLI11 option whose text is handed to `apply` as soon as it is parsed (so repeated options
// of different names keep their command-line order: closures are added in the order given).
template <class Apply>
CLI::Option* add(CLI::App& app, const std::string& name, const std::string& description,
                 Apply apply) {
  return app
      .add_option_function<std::string>(
          name, [name, apply](const std::string& v) { apply(std::string_view(name), v); },
          description)
      ->trigger_on_parse();
}

}  // namespace

ViewerOptions parse_viewer_options(std::span<const std::string_view> args) {
  ViewerOptions o;
  CLI::App app{"caremap-viewer", "caremap-viewer"};
  app.set_help_flag();  // --help is an option like the others: run_viewer prints viewer_usage()
  app.add_flag("-h,--help", o.help);
  std::vector<std::string> inputs;
  app.add_option("inputs", inputs, "project file or data files");
  add(app, "--region", "region", [&](auto, const std::string& v) { o.region = v; });
  add(app, "--lang", "ja|en", [&](auto opt, const std::string& v) {
    o.lang = parse_lang(v);
    if (!o.lang) {
      fail(opt, "expected ja or en, got '" + v + "'");
    }
  });
  add(app, "--size", "WxH", [&](auto opt, std::string_view v) {
    const auto x = v.find('x');
    if (x == std::string_view::npos) {
      fail(opt, "expected WxH");
    }
    o.width = static_cast<int>(to_int(opt, v.substr(0, x), 320, 16384));
    o.height = static_cast<int>(to_int(opt, v.substr(x + 1), 240, 16384));
  });
  add(app, "--view", "LON,LAT,ZOOM", [&](auto opt, std::string_view v) {
    const auto comma = v.rfind(',');
    if (comma == std::string_view::npos || split(v, ',').size() != 3) {
      fail(opt, "expected LON,LAT,ZOOM");
    }
    ViewOption view;
    view.center = core::parse_lonlat(v.substr(0, comma), opt);
    view.zoom = to_double(opt, v.substr(comma + 1));
    if (view.zoom < 0 || view.zoom > 24) {
      fail(opt, "zoom must be between 0 and 24");
    }
    o.view = view;
  });
  add(app, "--fit", "LAYER_ID", [&](auto, const std::string& v) { o.fit_layer = v; });
  add(app, "--screenshot", "OUT.png", [&](auto, const std::string& v) { o.screenshot = v; });
  add(app, "--frames", "N", [&](auto opt, std::string_view v) {
    o.frames = static_cast<int>(to_int(opt, v, 1, 100000));
  });
  add(app, "--export-map", "OUT.png", [&](auto, const std::string& v) { o.export_map = v; });
  add(app, "--export-width", "PX", [&](auto opt, std::string_view v) {
    o.export_width = static_cast<int>(to_int(opt, v, 64, 16384));
  });
  add(app, "--export-height", "PX", [&](auto opt, std::string_view v) {
    o.export_height = static_cast<int>(to_int(opt, v, 64, 16384));
  });
  app.add_flag("--inspector", o.inspector);
  add(app, "--table", "LAYER_ID", [&](auto, const std::string& v) { o.table_layer = v; });
  add(app, "--search", "TEXT", [&](auto, const std::string& v) { o.search = v; });
  add(app, "--select", "LAYER_ID:ROW", [&](auto opt, std::string_view v) {
    const auto colon = v.rfind(':');
    if (colon == std::string_view::npos) {
      fail(opt, "expected LAYER_ID:ROW");
    }
    o.select =
        SelectOption{std::string(v.substr(0, colon)),
                     static_cast<std::size_t>(to_int(opt, v.substr(colon + 1), 0, 1L << 40))};
  });
  add(app, "--nearest", "LON,LAT",
      [&](auto opt, std::string_view v) { o.nearest = core::parse_lonlat(v, opt); });
  add(app, "--k", "N", [&](auto opt, std::string_view v) {
    o.nearest_k = static_cast<std::size_t>(to_int(opt, v, 1, 20));
  });
  add(app, "--coverage", "CATEGORY[:RADIUS_M]", [&](auto opt, std::string_view v) {
    const auto parts = split(v, ':');
    CoverageOption c;
    const auto cat = core::parse_category(parts[0]);
    if (!cat || !core::is_facility(*cat)) {
      fail(opt, "unknown facility category '" + std::string(parts[0]) + "'");
    }
    c.category = *cat;
    if (parts.size() == 2) {
      c.radius_m = core::parse_distance(parts[1], opt).value;
    } else if (parts.size() > 2) {
      fail(opt, "expected CATEGORY[:RADIUS_M]");
    }
    o.coverage = c;
  });
  app.add_flag("--team", o.team);
  app.add_flag("--team-home-help", o.team_home_help);
  app.add_flag("--team-by-road", o.team_by_road);
  add(app, "--osm", "FILE", [&](auto, const std::string& v) { o.osm = v; });
  add(app, "--profile", "car|walking", [&](auto opt, const std::string& v) {
    choice(opt, v, {"car", "walking"});
    o.profile = v;
  });
  add(app, "--route", "LON,LAT",
      [&](auto opt, std::string_view v) { o.route = core::parse_lonlat(v, opt); });
  add(app, "--plan-add", "LON,LAT",
      [&](auto opt, std::string_view v) { o.plan_add.push_back(core::parse_lonlat(v, opt)); });
  add(app, "--plan-remove", "LON,LAT",
      [&](auto opt, std::string_view v) { o.plan_remove.push_back(core::parse_lonlat(v, opt)); });
  add(app, "--plan-reach", "MIN",
      [&](auto opt, std::string_view v) { o.plan_reach_min = to_int(opt, v, 5, 40); });
  add(app, "--service-area", "LON,LAT",
      [&](auto opt, std::string_view v) { o.service_area = core::parse_lonlat(v, opt); });
  add(app, "--bands", "LIST", [&](auto opt, const std::string& v) {
    core::parse_duration_list(v, opt, core::Seconds{60.0});  // checked here, kept as typed
    o.bands = v;
  });
  add(app, "--sa-mode", "overlap|split|dissolve", [&](auto opt, std::string_view v) {
    o.sa_mode = choice(opt, v, {"overlap", "split", "dissolve"});
  });
  add(app, "--sa-shape", "disks|rings", [&](auto opt, std::string_view v) {
    o.sa_shape = choice(opt, v, {"disks", "rings"});
  });
  add(app, "--closure-polygon", "PTS", [&](auto opt, std::string_view v) {
    o.closures.push_back(ClosureOption{"area", core::parse_lonlat_list(v, opt, 3), 2.0});
  });
  add(app, "--closure-line", "PTS", [&](auto opt, std::string_view v) {
    o.closures.push_back(ClosureOption{"line", core::parse_lonlat_list(v, opt, 2), 2.0});
  });
  add(app, "--slowdown", "F:PTS", [&](auto opt, std::string_view v) {
    const auto colon = v.find(':');
    if (colon == std::string_view::npos) {
      fail(opt, "expected FACTOR:lon lat, lon lat, ...");
    }
    const double factor = to_double(opt, v.substr(0, colon));
    if (!(factor > 0.0) || factor > 100.0) {
      fail(opt, "the factor must be above 0 and at most 100");
    }
    o.closures.push_back(
        ClosureOption{"slowdown", core::parse_lonlat_list(v.substr(colon + 1), opt, 3), factor});
  });
  add(app, "--closures", "FILE",
      [&](auto, const std::string& v) { o.closures_files.emplace_back(v); });
  add(app, "--tab", "basic|network", [&](auto opt, std::string_view v) {
    o.tab = choice(opt, v, {"basic", "network"});
  });
  add(app, "--drill", "FILE", [&](auto, const std::string& v) { o.drill = v; });
  add(app, "--drill-t", "MIN", [&](auto opt, std::string_view v) {
    o.drill_t_min = to_double(opt, v);
    if (!(*o.drill_t_min >= 0.0)) {
      fail(opt, "expected minutes >= 0");
    }
  });
  add(app, "--basemap", "PATH", [&](auto, const std::string& v) { o.basemaps.emplace_back(v); });
  app.add_flag("--gsi", o.gsi);
  add(app, "--pan", "PX", [&](auto opt, std::string_view v) {
    o.pan_px = to_double(opt, v);
    if (!(o.pan_px >= 0.0 && o.pan_px <= 1000.0)) {
      fail(opt, "must be between 0 and 1000 pixels");
    }
  });
  add(app, "--cancel", "KIND", [&](auto opt, std::string_view v) {
    choice(opt, v, {"open", "network", "coverage", "service-area"});
    o.cancel.emplace_back(v);
  });
  add(app, "--report", "coverage|drill", [&](auto opt, const std::string& v) {
    choice(opt, v, {"coverage", "drill"});
    o.report = v;
  });
  app.add_flag("--present", o.present);
  add(app, "--slide", "N", [&](auto opt, std::string_view v) {
    o.slide = static_cast<int>(to_int(opt, v, 1, 999));
    o.present = true;
  });
  add(app, "--dump-state", "OUT.json", [&](auto, const std::string& v) { o.dump_state = v; });
  app.add_flag("--no-settings", o.no_settings);
  add(app, "--recover", "ask|yes|no", [&](auto opt, const std::string& v) {
    choice(opt, v, {"ask", "yes", "no"});
    o.recover = v;
  });

  // CLI11 takes the arguments last first.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    throw core::ArgumentError(e.what());
  }
  for (const std::string& input : inputs) {
    o.inputs.emplace_back(input);
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
  --team                        home-care team in reach (straight line, census population)
  --team-home-help              the same with home help required too
  --team-by-road                the same with nurse, care manager, home help by road time
  --osm FILE                    load an OpenStreetMap extract as the road network
  --profile car|walking         travel profile (default car)
  --route LON,LAT               nearest facilities by travel time from a location
  --service-area LON,LAT        service areas from a location
  --bands LIST                  service-area bands in minutes (default 5,10,15,30)
  --plan-add LON,LAT            planning: a what-if clinic there (repeatable)
  --plan-remove LON,LAT         planning: close the clinic nearest there (repeatable)
  --plan-reach MIN              planning: reach in minutes (default 20)
  --sa-mode overlap|split|dissolve
  --sa-shape disks|rings
  --closure-polygon "LON LAT, ..."  a closed area (repeatable)
  --closure-line "LON LAT, ..."     a closed line (repeatable)
  --slowdown "F:LON LAT, ..."       a slowdown area, travel time x F (repeatable)
  --closures FILE               closures from a file (polygons, lines, points, factor, way_id;
                                repeatable)
  --tab basic|network           open this tab of the analysis panel
  --drill FILE                  run a drill scenario (docs/drill.md); "default": the region's
  --drill-t MIN                 show the drill at this time (the last inject at or before it)
  --basemap PATH                add a GeoTIFF or MBTiles basemap
  --gsi                         GSI tile basemap (needs network)
  --pan PX                      pan PX pixels every frame, back and forth (benchmarks)
  --cancel open|network|coverage|service-area
                                cancel the first job of this kind as soon as it is queued
                                (tests: the viewer must return to idle; repeatable)
  --report coverage|drill       press the coverage (or, once solved, the drill) panel's Report
                                button; the handout goes to the panel's default file
  --present                     start in presentation mode: the project's saved views as
                                full-screen slides (→/←/PageDown/PageUp/Space, Esc leaves)
  --slide N                     the slide to start on, 1-based (implies --present)
  --dump-state OUT.json         write camera, map rectangle and labels after the last frame
  --no-settings                 neither read nor write the settings file
  --recover ask|yes|no          after a crash: ask (default), restore or discard the autosaved
                                work without asking (tests; headless runs take part only with it)
)";
}

}  // namespace caremap::app
