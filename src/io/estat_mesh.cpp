#include "io/estat_mesh.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/error.hpp"
#include "core/exact_integer.hpp"
#include "core/jis_mesh.hpp"
#include "core/jis_mesh_polygon.hpp"
#include "crs/transformer.hpp"
#include "io/text_encoding.hpp"

namespace caremap::io {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeaderRows = 2;

// One line split at commas; e-Stat does not quote, but a file saved by a spreadsheet may, so
// double-quoted fields are unquoted ("" inside is a quote).
// The cells of one CSV record into `out`, whose strings are reused from row to row (a census
// file has hundreds of thousands of cells; allocating each one anew was most of the parse).
void split_csv_line(std::string_view line, std::vector<std::string>& out) {
  std::size_t used = 0;
  const auto next = [&]() -> std::string* {
    if (used == out.size()) {
      out.emplace_back();
    }
    std::string* cell = &out[used++];
    cell->clear();
    return cell;
  };
  std::string* cell = next();
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (!quoted && c != '"' && c != ',') {
      // An unquoted run up to the next comma or quote, appended at once: a census file is half a
      // million such cells, and appending them a character at a time was most of its parse.
      std::size_t end = i;
      while (end < line.size() && line[end] != ',' && line[end] != '"') {
        ++end;
      }
      cell->append(line.data() + i, end - i);
      i = end - 1;
      continue;
    }
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        *cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        *cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cell = next();
    } else {
      *cell += c;
    }
  }
  out.resize(used);
}

std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> out;
  split_csv_line(line, out);
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string trim(std::string_view s) {
  return std::string(trim_view(s));
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

enum class Token { number, dash, secret, empty, broken };

struct Value {
  Token token = Token::empty;
  double number = 0.0;
};

Value read_value(std::string_view text) {
  const std::string_view t = trim_view(text);
  if (t.empty()) {
    return {Token::empty, 0.0};
  }
  if (t == "-") {
    return {Token::dash, 0.0};
  }
  if (t == "*" || t == "X" || t == "x" || t == "…") {
    return {Token::secret, 0.0};
  }
  double v = 0.0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v) || v < 0.0) {
    return {Token::broken, 0.0};
  }
  return {Token::number, v};
}

std::optional<std::uint64_t> read_code(std::string_view text) {
  const std::string_view t = trim_view(text);
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
    return std::nullopt;
  }
  return v;
}

// Where the fixed columns and the data columns are.
struct Layout {
  std::size_t key = 0;
  std::optional<std::size_t> status;  // HTKSYORI
  std::optional<std::size_t> target;  // HTKSAKI
  std::optional<std::size_t> merged;  // GASSAN
  std::size_t width = 0;
  std::vector<std::pair<std::size_t, std::size_t>> data;  // (column, field index)
  /// Per column: its index in EstatReport::columns (the non-fixed columns), npos for a fixed one.
  std::vector<std::size_t> report_column;
};

// A cell while reading: raw tokens kept so the group pass knows which columns were "*".
struct RawCell {
  EstatCell cell;
  std::vector<Token> tokens;  // per field
  std::optional<std::uint64_t> target;
  std::vector<std::uint64_t> merged;
};

class Parser {
 public:
  Parser(std::string display) : m_file(std::move(display)) {}

  EstatTable parse(std::string_view text) {
    const std::vector<std::string_view> lines = split_lines(text);
    if (lines.size() < kHeaderRows) {
      fail({},
           "not an e-Stat mesh statistics file: it needs two header rows (item codes, then "
           "labels) and has " +
               std::to_string(lines.size()));
    }
    const Layout layout = read_header(split_csv_line(lines[0]), split_csv_line(lines[1]));
    std::vector<RawCell> raw;
    std::unordered_map<std::uint64_t, std::size_t> by_code;
    std::vector<std::string> cells;
    for (std::size_t i = kHeaderRows; i < lines.size(); ++i) {
      const std::size_t row = i - kHeaderRows + 1;
      ++m_table.report.rows;
      split_csv_line(lines[i], cells);
      if (auto cell = read_row(layout, cells, row)) {
        if (!by_code.emplace(cell->cell.code, raw.size()).second) {
          skip(row, "KEY_CODE", "duplicate_mesh_code",
               "mesh " + std::to_string(cell->cell.code) + " appears again (first at row " +
                   std::to_string(raw[by_code[cell->cell.code]].cell.row) + ")");
          continue;
        }
        raw.push_back(std::move(*cell));
      }
    }
    share_group_figures(raw, by_code);
    finish(raw);
    return std::move(m_table);
  }

 private:
  [[noreturn]] void fail(const std::string& field, const std::string& message) const {
    core::ErrorContext ctx;
    ctx.file = m_file;
    ctx.field = field;
    throw core::InputError(message, ctx);
  }

  void warn(std::size_t row, std::string field, std::string code, std::string message,
            core::Severity severity = core::Severity::warning) {
    m_table.diagnostics.add(core::Diagnostic{severity, std::move(code), m_file, row,
                                             std::move(field), std::move(message)});
  }

  void skip(std::size_t row, std::string field, std::string code, std::string message) {
    ++m_table.report.skipped_rows;
    warn(row, std::move(field), std::move(code), std::move(message) + "; row skipped");
  }

  Layout read_header(const std::vector<std::string>& codes,
                     const std::vector<std::string>& labels) {
    Layout layout;
    layout.width = codes.size();
    layout.report_column.assign(codes.size(), std::string::npos);
    std::optional<std::size_t> key;
    std::set<std::string> seen;
    // A fixed column named twice would leave one of the two unread and unreported: refused.
    const auto fixed = [&](std::optional<std::size_t>& slot, std::size_t c, const char* name) {
      if (slot) {
        fail(name, std::string("the first header row names ") + name + " twice (columns " +
                       std::to_string(*slot + 1) + " and " + std::to_string(c + 1) + ")");
      }
      slot = c;
    };
    for (std::size_t c = 0; c < codes.size(); ++c) {
      const std::string code = upper(trim(codes[c]));
      if (code == "KEY_CODE") {
        fixed(key, c, "KEY_CODE");
      } else if (code == "HTKSYORI") {
        fixed(layout.status, c, "HTKSYORI");
      } else if (code == "HTKSAKI") {
        fixed(layout.target, c, "HTKSAKI");
      } else if (code == "GASSAN") {
        fixed(layout.merged, c, "GASSAN");
      } else {
        layout.report_column[c] = m_table.report.columns.size();
        EstatColumn column{trim(codes[c]), c < labels.size() ? labels[c] : std::string(), {}};
        const auto field = estat_field_for_label(column.label);
        if (field && seen.insert(field->name).second) {
          column.field = field->name;
          layout.data.emplace_back(c, m_table.fields.size());
          m_table.fields.push_back(*field);
        } else {
          m_table.report.unknown_columns.push_back(column);
        }
        m_table.report.columns.push_back(std::move(column));
      }
    }
    if (!key) {
      fail("KEY_CODE",
           "not an e-Stat mesh statistics file: the first header row has no KEY_CODE column");
    }
    layout.key = *key;
    if (!m_table.field_index("pop_total")) {
      fail("人口（総数）",
           "no column labelled 人口（総数） (total population) in the second header row");
    }
    return layout;
  }

  std::optional<RawCell> read_row(const Layout& layout, const std::vector<std::string>& cells,
                                  std::size_t row) {
    if (cells.size() != layout.width) {
      skip(row, {}, "estat_column_count",
           std::to_string(cells.size()) + " columns where the header has " +
               std::to_string(layout.width));
      return std::nullopt;
    }
    RawCell raw;
    raw.cell.row = row;
    const auto code = read_code(cells[layout.key]);
    if (!code || !core::mesh_cell_from_code(*code)) {
      skip(row, "KEY_CODE", "invalid_mesh_code",
           "'" + trim(cells[layout.key]) + "' is not a JIS X 0410 mesh code");
      return std::nullopt;
    }
    raw.cell.code = *code;
    if (layout.status) {
      const std::string s = trim(cells[*layout.status]);
      if (s == "1") {
        raw.cell.status = SecretStatus::receiving;
      } else if (s == "2") {
        raw.cell.status = SecretStatus::withheld;
      } else if (!s.empty() && s != "0") {
        warn(row, "HTKSYORI", "unknown_secret_status",
             "HTKSYORI '" + s + "' is not 0, 1 or 2; read as an ordinary cell");
      }
    }
    if (raw.cell.status == SecretStatus::withheld && layout.target) {
      raw.target = read_code(cells[*layout.target]);
      if (!raw.target) {
        warn(row, "HTKSAKI", "secret_group_missing",
             "withheld cell " + std::to_string(*code) + " names no receiving cell ('" +
                 trim(cells[*layout.target]) + "'); its breakdown stays unknown");
      }
    }
    if (raw.cell.status == SecretStatus::receiving && layout.merged) {
      std::string_view list = cells[*layout.merged];
      while (!list.empty()) {
        const std::size_t semi = list.find(';');
        const std::string item = trim(list.substr(0, semi));
        if (const auto m = read_code(item)) {
          raw.merged.push_back(*m);
        } else if (!item.empty()) {
          warn(row, "GASSAN", "invalid_mesh_code", "'" + item + "' is not a mesh code; ignored");
        }
        list = semi == std::string_view::npos ? std::string_view() : list.substr(semi + 1);
      }
    }
    raw.cell.values.assign(m_table.fields.size(), std::nullopt);
    raw.tokens.assign(m_table.fields.size(), Token::empty);
    for (const auto& [column, field] : layout.data) {
      const Value v = read_value(cells[column]);
      raw.tokens[field] = v.token;
      if (v.token == Token::number || v.token == Token::dash) {
        raw.cell.values[field] = v.number;
      } else if (v.token == Token::broken) {
        const std::string& label = m_table.report.columns[layout.report_column[column]].label;
        const std::string name = m_table.fields[field].name;
        if (name == "pop_total") {
          skip(row, name, "unparsable_count",
               "total population '" + trim(cells[column]) + "' (" + trim(label) +
                   ") is not a count");
          return std::nullopt;
        }
        warn(row, name, "unparsable_count",
             "'" + trim(cells[column]) + "' (" + trim(label) + ") is not a count; read as unknown");
      }
    }
    return raw;
  }

  void share_group_figures(std::vector<RawCell>& raw,
                           const std::unordered_map<std::uint64_t, std::size_t>& by_code) {
    // Members of each group, found from both sides (HTKSAKI of the withheld cells and GASSAN of
    // the receiving cell), so one inconsistent list cannot lose a cell.
    std::map<std::size_t, std::set<std::size_t>> groups;  // receiving -> withheld members
    for (std::size_t i = 0; i < raw.size(); ++i) {
      RawCell& r = raw[i];
      if (r.cell.status == SecretStatus::receiving) {
        groups[i];
        for (const std::uint64_t m : r.merged) {
          const auto it = by_code.find(m);
          if (it == by_code.end()) {
            warn(r.cell.row, "GASSAN", "merged_cell_missing",
                 "merged cell " + std::to_string(m) +
                     " is not in the file (another first-level mesh?); the group's breakdown "
                     "is shared among the cells present");
          } else if (raw[it->second].cell.status == SecretStatus::withheld) {
            groups[i].insert(it->second);
          }
        }
      }
      if (r.cell.status == SecretStatus::withheld && r.target) {
        const auto it = by_code.find(*r.target);
        if (it == by_code.end() || raw[it->second].cell.status != SecretStatus::receiving) {
          ++m_table.report.unresolved_withheld;
          warn(r.cell.row, "HTKSAKI", "secret_group_missing",
               "receiving cell " + std::to_string(*r.target) +
                   (it == by_code.end() ? " is not in the file" : " is not a receiving cell") +
                   "; the breakdown of " + std::to_string(r.cell.code) + " stays unknown");
        } else {
          groups[it->second].insert(i);
        }
      } else if (r.cell.status == SecretStatus::withheld) {
        ++m_table.report.unresolved_withheld;
      }
    }
    const auto total = *m_table.field_index("pop_total");
    const auto households = m_table.field_index("households");
    for (const auto& [receiver, members] : groups) {
      std::vector<std::size_t> group{receiver};
      group.insert(group.end(), members.begin(), members.end());
      for (std::size_t f = 0; f < m_table.fields.size(); ++f) {
        const bool shared = std::any_of(members.begin(), members.end(), [&](std::size_t m) {
          return raw[m].tokens[f] == Token::secret || raw[m].tokens[f] == Token::empty;
        });
        if (!shared) {
          continue;  // every member gives its own figure (totals, by sex, households)
        }
        const std::optional<double> figure = raw[receiver].cell.values[f];
        std::optional<std::size_t> weight_field = total;
        if (m_table.fields[f].unit == EstatUnit::households && households) {
          weight_field = households;
        }
        double sum = 0.0;
        bool weights_known = true;
        for (const std::size_t c : group) {
          const auto w = raw[c].cell.values[*weight_field];
          weights_known = weights_known && w.has_value();
          sum += w.value_or(0.0);
        }
        for (const std::size_t c : group) {
          std::optional<double> share;
          if (figure) {
            const double w = raw[c].cell.values[*weight_field].value_or(0.0);
            share = (weights_known && sum > 0.0) ? *figure * w / sum
                                                 : *figure / static_cast<double>(group.size());
          }
          raw[c].cell.values[f] = share;
          raw[c].tokens[f] = share ? Token::number : Token::secret;
        }
      }
      for (const std::size_t c : group) {
        raw[c].cell.group = raw[receiver].cell.code;
        raw[c].cell.shared = true;
      }
    }
  }

  void finish(std::vector<RawCell>& raw) {
    EstatReport& r = m_table.report;
    const auto total = *m_table.field_index("pop_total");
    std::set<std::string> levels;
    for (RawCell& c : raw) {
      switch (c.cell.status) {
        case SecretStatus::none:
          ++r.ordinary_cells;
          break;
        case SecretStatus::receiving:
          ++r.receiving_cells;
          break;
        case SecretStatus::withheld:
          ++r.withheld_cells;
          break;
      }
      r.shared_cells += c.cell.shared ? 1 : 0;
      for (std::size_t f = 0; f < c.tokens.size(); ++f) {
        r.unknown_values += c.cell.values[f] ? 0 : 1;
        r.dash_values += c.tokens[f] == Token::dash ? 1 : 0;
      }
      r.people += c.cell.values[total].value_or(0.0);
      levels.insert(core::mesh_level_label(core::mesh_cell_from_code(c.cell.code)->level));
      m_table.cells.push_back(std::move(c.cell));
    }
    r.cells = m_table.cells.size();
    r.levels.assign(levels.begin(), levels.end());
  }

  std::string m_file;
  EstatTable m_table;
};

std::vector<core::Field> layer_fields(const EstatTable& table) {
  std::vector<core::Field> fields{{"mesh_code", core::FieldType::text}};
  for (std::size_t f = 0; f < table.fields.size(); ++f) {
    const bool whole = std::all_of(table.cells.begin(), table.cells.end(), [&](const EstatCell& c) {
      return !c.values[f] || core::exact_integer(*c.values[f]).has_value();
    });
    fields.push_back(
        {table.fields[f].name, whole ? core::FieldType::integer : core::FieldType::real});
  }
  fields.push_back({"secret_status", core::FieldType::text});
  fields.push_back({"secret_group", core::FieldType::text});
  fields.push_back({"area_km2", core::FieldType::real});
  fields.push_back({"pop_per_km2", core::FieldType::real});
  return fields;
}

std::string read_bytes(const fs::path& path, const std::string& display) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    core::ErrorContext ctx;
    ctx.file = display;
    throw core::InputError(fs::exists(path) ? "cannot read the file" : "file not found", ctx);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

const char* to_string(SecretStatus s) {
  switch (s) {
    case SecretStatus::receiving:
      return "receiving";
    case SecretStatus::withheld:
      return "withheld";
    case SecretStatus::none:
      break;
  }
  return "none";
}

std::optional<std::size_t> EstatTable::field_index(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) {
      return i;
    }
  }
  return std::nullopt;
}

EstatTable parse_estat_mesh(std::string_view utf8_text, const std::string& display_path) {
  return Parser(display_path).parse(strip_utf8_bom(utf8_text));
}

bool is_estat_mesh_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char buf[16] = {};
  in.read(buf, sizeof buf);
  const std::string_view head =
      strip_utf8_bom(std::string_view(buf, static_cast<std::size_t>(in.gcount())));
  return upper(std::string(head.substr(0, 9))) == "KEY_CODE,";
}

EstatMeshRead read_estat_mesh(const LayerSpec& spec, const fs::path& path,
                              const crs::CrsRef& working) {
  const std::string display = path.string();
  const std::string bytes = read_bytes(path, display);
  TextEncoding encoding = detect_encoding(bytes);
  if (!spec.encoding.empty()) {
    encoding = parse_encoding(spec.encoding).value_or(encoding);
  }
  std::string text;
  try {
    text = encoding == TextEncoding::cp932 ? cp932_to_utf8(bytes) : std::string(bytes);
  } catch (const core::InputError& e) {
    core::ErrorContext ctx;
    ctx.file = display;
    throw core::InputError(e.detail(), ctx);
  }
  EstatTable table = parse_estat_mesh(text, display);

  auto layer = std::make_shared<core::Layer>();
  layer->id = spec.id;
  layer->title = spec.title.empty() ? spec.id : spec.title;
  layer->category = core::Category::population;
  layer->crs = working.definition;
  layer->fields = layer_fields(table);
  layer->name_field = 0;
  const std::size_t total = *table.field_index("pop_total");
  crs::Transformer projector = crs::Transformer::from_wgs84(working);
  std::vector<core::MeshCell> mesh_cells;
  mesh_cells.reserve(table.cells.size());
  for (const EstatCell& c : table.cells) {
    mesh_cells.push_back(*core::mesh_cell_from_code(c.code));
  }
  std::vector<core::Polygon> polygons = core::mesh_cell_polygons(mesh_cells, projector);
  layer->features.reserve(table.cells.size());
  for (std::size_t cell_index = 0; cell_index < table.cells.size(); ++cell_index) {
    const EstatCell& c = table.cells[cell_index];
    core::Feature f;
    f.category = core::Category::population;
    f.source_row = c.row;
    core::Polygon& poly = polygons[cell_index];
    const double km2 = boost::geometry::area(poly) / 1e6;
    f.values.reserve(layer->fields.size());
    f.values.emplace_back(std::to_string(c.code));
    for (std::size_t i = 0; i < c.values.size(); ++i) {
      if (!c.values[i]) {
        f.values.emplace_back();
      } else if (layer->fields[i + 1].type == core::FieldType::integer) {
        f.values.emplace_back(static_cast<std::int64_t>(*c.values[i]));
      } else {
        f.values.emplace_back(*c.values[i]);
      }
    }
    f.values.emplace_back(std::string(to_string(c.status)));
    f.values.emplace_back(c.group ? core::FieldValue{std::to_string(c.group)} : core::FieldValue{});
    f.values.emplace_back(km2);
    f.values.emplace_back(c.values[total] && km2 > 0.0 ? core::FieldValue{*c.values[total] / km2}
                                                       : core::FieldValue{});
    f.geometry = std::move(poly);
    layer->features.push_back(std::move(f));
  }

  core::Provenance& prov = layer->provenance;
  prov.operation = "load";
  prov.param("format", "e-Stat mesh statistics");
  prov.param("encoding", std::string(to_string(encoding)));
  prov.param("mesh", [&] {
    std::string s;
    for (const auto& l : table.report.levels) {
      s += (s.empty() ? "" : ",") + l;
    }
    return s;
  }());
  prov.param("secret_cells", "totals cell by cell; group breakdowns shared by each cell's total");
  if (!spec.publisher.empty()) {
    prov.param("publisher", spec.publisher);
  }
  if (!spec.licence.empty()) {
    prov.param("licence", spec.licence);
  }
  prov.inputs.push_back(
      core::SourceRef{spec.source.generic_string(), spec.id, spec.data_date, spec.credit});

  EstatMeshRead out;
  out.loaded.spec = spec;
  out.loaded.layer = std::move(layer);
  out.loaded.diagnostics = std::move(table.diagnostics);
  out.loaded.rows.read = table.report.rows;
  out.loaded.rows.skipped = table.report.skipped_rows;
  out.report = std::move(table.report);
  return out;
}

EstatMeshRead read_estat_mesh_cached(const LayerSpec& spec, const fs::path& path,
                                     const crs::CrsRef& working) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  const auto time = fs::last_write_time(path, ec);
  if (ec) {
    return read_estat_mesh(spec, path, working);  // reports the missing file
  }
  const std::string key =
      fs::absolute(path).lexically_normal().string() + "|" + std::to_string(size) + "|" +
      std::to_string(time.time_since_epoch().count()) + "|" + working.definition + "|" + spec.id +
      "|" + spec.title + "|" + spec.data_date + "|" + spec.credit + "|" + spec.encoding + "|" +
      spec.publisher + "|" + spec.licence;
  static std::mutex mutex;
  // Never destroyed: freeing a census layer of 10,000 cells when the process exits took longer
  // than some whole commands' analyses (the map stays reachable, so no leak is reported).
  static auto& cache = *new std::map<std::string, EstatMeshRead>;
  {
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(key); it != cache.end()) {
      EstatMeshRead hit = it->second;
      hit.loaded.spec = spec;
      return hit;
    }
  }
  EstatMeshRead read = read_estat_mesh(spec, path, working);
  const std::lock_guard lock(mutex);
  cache.insert_or_assign(key, read);
  return read;
}

}  // namespace caremap::io
