#pragma once
// e-Stat 地域メッシュ統計 files (the census 「人口及び世帯」 by JIS X 0410 mesh,
// tblT001101H5030.txt and its kind) read as published, and turned into a population layer.
//
// Format: CP932 (or UTF-8) comma-separated text with two header rows: item codes (KEY_CODE,
// HTKSYORI, HTKSAKI, GASSAN, T001101001, ...) then the Japanese labels (「　人口（総数）」, ...).
// Data columns are recognised by their label (io/estat_labels.hpp), so another census year with
// other item codes reads the same way; columns whose label caremap does not know are left out
// and listed in the report. Values: a number; "-" (該当数値なし) is 0; "*" (merged into another
// cell), "X" (秘匿) and an empty cell are unknown (null).
//
// Secret cells (秘匿処理, SOURCES.md):
//  - HTKSYORI = 2, "withheld": the cell's own totals are given (population, by sex, households);
//    its other columns hold "*" and were added to the cell HTKSAKI names;
//  - HTKSYORI = 1, "receiving": its totals are its own, but its other columns (age bands,
//    household types) count the whole group: itself and the cells GASSAN lists.
// So totals are summed cell by cell, and a breakdown column is known only for the group. caremap
// shares each group figure out among the group's cells in proportion to their own totals (people
// for people columns, households for household columns): a withheld cell of 6 people in a group
// of 56 with 15 people aged 65+ gets 15 x 6 / 56 = 1.61. This assumes one age structure inside a
// group of neighbouring cells; it keeps the group's figure exact (the shares add up to it), keeps
// every cell's 65+ below its own total, and lets a cell be cut by a city boundary like any other.
// Every member of a group is marked (secret_status, secret_group) so a map can say which figures
// are shared. A group whose receiving cell is missing from the file (another first-level mesh)
// leaves the withheld cell's breakdown null, with a warning.
//
// Bad rows are diagnostics naming the data row (1 = the first row after the two headers) and the
// field, and are skipped: wrong column count, a KEY_CODE that is not a mesh code, a duplicate
// cell, a total that is not a number. A breakdown value that is not a number becomes null with a
// warning. Whole-file problems (not this format, no 人口（総数） column) throw core::InputError.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "crs/crs_ref.hpp"
#include "io/estat_labels.hpp"
#include "io/loaded_layer.hpp"

namespace caremap::io {

enum class SecretStatus { none, receiving, withheld };

/// "none", "receiving", "withheld".
const char* to_string(SecretStatus s);

struct EstatColumn {
  std::string item_code;  ///< first header row, e.g. "T001101023"
  std::string label;  ///< second header row as published, e.g. "　６５歳以上人口　総数"
  std::string field;  ///< caremap's field name; empty when not read (unknown or duplicate)
};

struct EstatCell {
  std::uint64_t code = 0;  ///< JIS X 0410 mesh code (KEY_CODE)
  SecretStatus status = SecretStatus::none;
  std::uint64_t group = 0;  ///< the receiving cell of its secret group (itself if receiving); 0
  /// One per EstatTable::fields; nullopt = unknown. Shared group figures for group members.
  std::vector<std::optional<double>> values;
  bool shared = false;  ///< breakdown columns are the group's figures shared out
  std::size_t row = 0;  ///< 1-based data row
};

/// Every choice the reader made, for the import report.
struct EstatReport {
  std::size_t rows = 0;          ///< data rows read
  std::size_t skipped_rows = 0;  ///< rows left out (each a diagnostic)
  std::size_t cells = 0;         ///< cells read
  std::size_t ordinary_cells = 0;
  std::size_t withheld_cells = 0;       ///< HTKSYORI = 2
  std::size_t receiving_cells = 0;      ///< HTKSYORI = 1: one per merged group
  std::size_t shared_cells = 0;         ///< cells whose breakdown is a share of their group's
  std::size_t unresolved_withheld = 0;  ///< withheld cells whose receiving cell is not in the file
  std::size_t unknown_values = 0;       ///< "*", "X" or empty values left null
  std::size_t dash_values = 0;          ///< "-" read as 0
  double people = 0.0;                  ///< sum of pop_total over the cells
  std::vector<EstatColumn> columns;     ///< every data column, in file order
  std::vector<EstatColumn> unknown_columns;  ///< columns left out (unknown or duplicate label)
  std::vector<std::string> levels;           ///< mesh sizes present ("500m", ...)
};

struct EstatTable {
  std::vector<EstatField> fields;  ///< the columns read, in file order (pop_total among them)
  std::vector<EstatCell> cells;    ///< in file order
  EstatReport report;
  core::Diagnostics diagnostics;

  /// Index of a field in `fields`, nullopt if the file has no such column.
  std::optional<std::size_t> field_index(std::string_view name) const;
};

/// Parses the text of an e-Stat mesh file (UTF-8; transcode CP932 first). `display_path` names
/// the file in diagnostics and errors. Throws core::InputError (file, field) for a file that is
/// not in this format or has no 人口（総数） column. O(rows x columns).
EstatTable parse_estat_mesh(std::string_view utf8_text, const std::string& display_path);

/// True when the file starts (after any UTF-8 byte order mark) with the item-code header of an
/// e-Stat mesh file ("KEY_CODE,"). Reads only the first bytes; false for a missing file.
bool is_estat_mesh_file(const std::filesystem::path& path);

/// A population layer read from an e-Stat file, with the reader's report.
struct EstatMeshRead {
  LoadedLayer loaded;
  EstatReport report;
};

/// Reads an e-Stat mesh file into a layer of category population in `working` (metres): one
/// polygon per cell (core::mesh_cell_polygon), fields mesh_code (text), the columns read
/// (integer where every value is whole, else real; null where unknown), secret_status,
/// secret_group (text), area_km2 (planar, working CRS) and pop_per_km2. The spec gives id,
/// title and provenance (data date, credit). CP932 or UTF-8, detected unless spec.encoding says.
/// Throws core::InputError naming the file for an unreadable file or encoding.
EstatMeshRead read_estat_mesh(const LayerSpec& spec, const std::filesystem::path& path,
                              const crs::CrsRef& working);

/// read_estat_mesh through a cache kept for the life of the process, keyed by the file (path,
/// size, modification time), the working CRS and the specification: the viewer reopening a
/// region, or a command that opens it twice, reads and projects the 9,496 cells once. The layer
/// is shared (immutable); a changed file is read again. Thread-safe.
EstatMeshRead read_estat_mesh_cached(const LayerSpec& spec, const std::filesystem::path& path,
                                     const crs::CrsRef& working);

}  // namespace caremap::io
