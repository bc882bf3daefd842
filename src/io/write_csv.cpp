// write_csv (io/write_formats.hpp): caremap's own CSV writer. Written by hand rather than with
// GDAL's CSV driver to control the coordinate column names, the BOM and exact number text.
#include <algorithm>
#include <cctype>
#include <fstream>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/wkt_text.hpp"
#include "io/write_formats.hpp"

namespace caremap::io::detail {

namespace {

// Rows formatted per block: large enough for one PROJ call to pay off, small enough that a
// block's features and text stay a few MB.
constexpr std::size_t kBlockRows = 16384;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// RFC 4180 quoting: only where needed, doubling embedded quotes.
std::string cell(const std::string& s) {
  const bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) {
    return s;
  }
  std::string out = "\"";
  for (char c : s) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

}  // namespace

void write_csv(const core::FeatureSource& source, const std::filesystem::path& file,
               const crs::CrsRef& crs, bool bom) {
  const core::Layer& layer = source.schema();
  const core::SourceShape shape = source.shape();
  crs::Transformer to_out(source_crs(layer, crs), crs);
  // A table (an OD matrix: no CRS, no geometry) gets no empty coordinate columns, whether it
  // has rows or not.
  const bool table = layer.crs.empty() && !layer.fields.empty() && !shape.any_geometry;
  const bool xy_columns = !table && shape.points_only;
  const bool geographic = crs::inspect(crs).geographic;
  const int decimals = geographic ? 9 : 4;
  std::vector<std::string> geometry_columns;
  if (table) {
    // none
  } else if (xy_columns) {
    geometry_columns =
        geographic ? std::vector<std::string>{"lon", "lat"} : std::vector<std::string>{"x", "y"};
  } else {
    geometry_columns = {"WKT"};
  }
  const bool category_column = shape.mixed_categories;

  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    const std::string name = lower(layer.fields[i].name);
    const bool clashes = name == kCategoryColumn ||
                         std::any_of(geometry_columns.begin(), geometry_columns.end(),
                                     [&](const std::string& g) { return lower(g) == name; });
    if (!clashes) {
      kept.push_back(i);
    }
  }

  // GDAL's CSV driver does not open a one-column file, so a lone WKT column gets a companion.
  const bool row_column = kept.empty() && !category_column && geometry_columns.size() == 1;

  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw core::OutputError("cannot create the file");
  }
  if (bom) {
    out << "\xEF\xBB\xBF";
  }

  std::string line;
  for (std::size_t i : kept) {
    line += (line.empty() ? "" : ",") + cell(layer.fields[i].name);
  }
  if (category_column) {
    line += (line.empty() ? "" : ",") + std::string(kCategoryColumn);
  }
  if (row_column) {
    line += "source_row";
  }
  for (const auto& g : geometry_columns) {
    line += (line.empty() ? "" : ",") + g;
  }
  out << line << '\n';

  // Rows go out a block at a time: only one block of features exists at once, and the points
  // of a block are transformed in one PROJ call rather than one call per row.
  std::vector<core::Feature> block(std::min(kBlockRows, source.size()));
  std::vector<core::XY> points;
  std::string text;
  for (std::size_t first = 0; first < source.size(); first += kBlockRows) {
    const std::size_t n = std::min(kBlockRows, source.size() - first);
    points.clear();
    for (std::size_t k = 0; k < n; ++k) {
      source.get(first + k, block[k]);
      if (const auto* p = std::get_if<core::XY>(&block[k].geometry); p && xy_columns) {
        points.push_back(*p);
      }
    }
    if (xy_columns) {
      to_out.transform_in_place(points);
    }
    std::size_t next_point = 0;
    text.clear();
    for (std::size_t k = 0; k < n; ++k) {
      const core::Feature& f = block[k];
      bool first_cell = true;
      auto add = [&](const std::string& s) {
        if (!first_cell) {
          text += ',';
        }
        first_cell = false;
        text += cell(s);
      };
      for (std::size_t i : kept) {
        add(i < f.values.size() ? core::to_text(f.values[i]) : std::string());
      }
      if (category_column) {
        add(std::string(core::to_string(f.category)));
      }
      if (row_column) {
        add(std::to_string(f.source_row));
      }
      if (xy_columns) {
        if (std::holds_alternative<core::XY>(f.geometry)) {
          const core::XY& p = points[next_point++];
          add(number_text(p.x, decimals));
          add(number_text(p.y, decimals));
        } else {
          add({});
          add({});
        }
      } else if (!table) {
        add(to_wkt(to_out.transform(f.geometry), decimals));
      }
      text += '\n';
    }
    out << text;
  }
  out.close();
  if (!out) {
    throw core::OutputError("write failed (disk full?)");
  }
}

}  // namespace caremap::io::detail
