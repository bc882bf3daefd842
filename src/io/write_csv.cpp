// write_csv (io/write_formats.hpp): caremap's own CSV writer. Written by hand rather than with
// GDAL's CSV driver to control the coordinate column names, the BOM and exact number text.
#include <algorithm>
#include <cctype>
#include <exception>
#include <fstream>
#include <thread>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/csv_text.hpp"
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

// Which columns a row has, decided once from the schema and the source's shape.
struct Columns {
  std::vector<std::size_t> kept;  // layer fields written, in order
  bool category = false;          // a caremap_category column
  bool source_row = false;        // a lone WKT column's companion
  bool xy = false;                // points as lon/lat (or x/y) columns
  bool wkt = false;               // other geometry as a WKT column
  int decimals = 4;
};

// Formats blocks of rows. Each thread has its own: the Transformer (PROJ is not thread-safe)
// and the buffers, reused from block to block.
class BlockFormatter {
 public:
  BlockFormatter(const core::FeatureSource& source, const Columns& columns, crs::Transformer to_out)
      : m_source(source), m_columns(columns), m_to_out(std::move(to_out)) {}

  // Rows [first, first + n) of the source as CSV lines into `text` (replacing its content).
  void format(std::size_t first, std::size_t n, std::string& text) {
    m_block.resize(std::max(m_block.size(), n));
    m_points.clear();
    for (std::size_t k = 0; k < n; ++k) {
      m_source.get(first + k, m_block[k]);
      if (const auto* p = std::get_if<core::XY>(&m_block[k].geometry); p && m_columns.xy) {
        m_points.push_back(*p);
      }
    }
    // The points of a block go through PROJ in one call rather than one call per row.
    if (m_columns.xy) {
      m_to_out.transform_in_place(m_points);
    }
    std::size_t next_point = 0;
    text.clear();
    for (std::size_t k = 0; k < n; ++k) {
      const core::Feature& f = m_block[k];
      bool first_cell = true;
      const auto separate = [&] {
        if (!first_cell) {
          text += ',';
        }
        first_cell = false;
      };
      for (std::size_t i : m_columns.kept) {
        separate();
        if (i < f.values.size()) {
          append_csv_value(text, f.values[i]);
        }
      }
      if (m_columns.category) {
        separate();
        append_csv_cell(text, core::to_string(f.category));
      }
      if (m_columns.source_row) {
        separate();
        append_csv_value(text, static_cast<std::int64_t>(f.source_row));
      }
      if (m_columns.xy) {
        separate();
        if (std::holds_alternative<core::XY>(f.geometry)) {
          const core::XY& p = m_points[next_point++];
          append_number_text(text, p.x, m_columns.decimals);
          text += ',';
          append_number_text(text, p.y, m_columns.decimals);
        } else {
          text += ',';
        }
      } else if (m_columns.wkt) {
        separate();
        append_csv_cell(text, to_wkt(m_to_out.transform(f.geometry), m_columns.decimals));
      }
      text += '\n';
    }
  }

 private:
  const core::FeatureSource& m_source;
  const Columns& m_columns;
  crs::Transformer m_to_out;
  std::vector<core::Feature> m_block;
  std::vector<core::XY> m_points;
};

void write_text(std::ofstream& out, const std::string& text) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

void write_csv(const core::FeatureSource& source, const std::filesystem::path& file,
               const crs::CrsRef& crs, bool bom, unsigned threads) {
  const core::Layer& layer = source.schema();
  const core::SourceShape shape = source.shape();
  crs::Transformer to_out(source_crs(layer, crs), crs);
  // A table (an OD matrix: no CRS, no geometry) gets no empty coordinate columns, whether it
  // has rows or not.
  const bool table = layer.crs.empty() && !layer.fields.empty() && !shape.any_geometry;
  Columns columns;
  columns.xy = !table && shape.points_only;
  columns.wkt = !table && !columns.xy;
  const bool geographic = crs::inspect(crs).geographic;
  columns.decimals = geographic ? 9 : 4;
  std::vector<std::string> geometry_columns;
  if (columns.xy) {
    geometry_columns =
        geographic ? std::vector<std::string>{"lon", "lat"} : std::vector<std::string>{"x", "y"};
  } else if (columns.wkt) {
    geometry_columns = {"WKT"};
  }
  columns.category = shape.mixed_categories;

  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    const std::string name = lower(layer.fields[i].name);
    const bool clashes = name == kCategoryColumn ||
                         std::any_of(geometry_columns.begin(), geometry_columns.end(),
                                     [&](const std::string& g) { return lower(g) == name; });
    if (!clashes) {
      columns.kept.push_back(i);
    }
  }

  // GDAL's CSV driver does not open a one-column file, so a lone WKT column gets a companion.
  columns.source_row = columns.kept.empty() && !columns.category && geometry_columns.size() == 1;

  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw core::OutputError("cannot create the file");
  }
  if (bom) {
    out << "\xEF\xBB\xBF";
  }

  std::string line;
  const auto add_name = [&](std::string_view name) {
    if (!line.empty()) {
      line += ',';
    }
    append_csv_cell(line, name);
  };
  for (std::size_t i : columns.kept) {
    add_name(layer.fields[i].name);
  }
  if (columns.category) {
    add_name(kCategoryColumn);
  }
  if (columns.source_row) {
    add_name("source_row");
  }
  for (const auto& g : geometry_columns) {
    add_name(g);
  }
  out << line << '\n';

  // Blocks are formatted `workers` at a time, one per thread, and written in order: while the
  // workers format a round, this thread writes the round before it. Only two rounds of text
  // exist at once, so memory stays a few MB whatever the row count.
  const std::size_t blocks = (source.size() + kBlockRows - 1) / kBlockRows;
  const std::size_t workers = std::clamp<std::size_t>(
      threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads, 1,
      std::max<std::size_t>(blocks, 1));
  std::vector<crs::Transformer> transformers;
  transformers.push_back(std::move(to_out));
  for (std::size_t t = 1; t < workers; ++t) {
    transformers.push_back(transformers.front().clone());
  }
  std::vector<BlockFormatter> formatters;
  formatters.reserve(workers);
  for (auto& transformer : transformers) {
    formatters.emplace_back(source, columns, std::move(transformer));
  }
  std::vector<std::string> texts[2] = {std::vector<std::string>(workers),
                                       std::vector<std::string>(workers)};
  std::vector<std::exception_ptr> errors(workers);
  const auto format_block = [&](std::size_t t, std::size_t block, std::string& text) {
    try {
      const std::size_t first = block * kBlockRows;
      formatters[t].format(first, std::min(kBlockRows, source.size() - first), text);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  for (std::size_t round = 0; round * workers < blocks; ++round) {
    std::vector<std::string>& now = texts[round % 2];
    for (auto& t : now) {
      t.clear();
    }
    std::vector<std::jthread> running;  // joined when they go, also if a later one fails to start
    for (std::size_t t = 1; t < workers && round * workers + t < blocks; ++t) {
      running.emplace_back(format_block, t, round * workers + t, std::ref(now[t]));
    }
    for (const std::string& text : texts[(round + 1) % 2]) {
      write_text(out, text);
    }
    format_block(0, round * workers, now[0]);
    running.clear();
    for (const auto& e : errors) {
      if (e) {
        std::rethrow_exception(e);
      }
    }
  }
  if (blocks > 0) {
    for (const std::string& text : texts[(blocks - 1) / workers % 2]) {
      write_text(out, text);
    }
  }
  out.close();
  if (!out) {
    throw core::OutputError("write failed (disk full?)");
  }
}

}  // namespace caremap::io::detail
