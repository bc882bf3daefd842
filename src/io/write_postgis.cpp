// write_postgis (io/write_formats.hpp): result layers as PostGIS tables through GDAL's
// PostgreSQL driver.
//
// Replacing a table is atomic: in one transaction every layer is written to a new table with a
// temporary name, then each old table is dropped and its replacement renamed into place. A run
// that fails or is cancelled rolls the transaction back, so planners reading the old tables never
// see a half-written one, and the old tables stay. DROP is not CASCADE: a view built on the old
// table makes the write fail (and leaves everything as it was) instead of silently dropping the
// view.
//
// Provenance: the table's comment (COMMENT ON TABLE, GDAL's DESCRIPTION) holds the same JSON
// document the other formats carry (io/provenance_json.hpp); reading the table back restores it,
// and `SELECT obj_description('name'::regclass)` shows it to anyone with psql.
#include <random>

#include "core/error.hpp"
#include "io/ogr_layer_writer.hpp"
#include "io/postgis.hpp"
#include "io/provenance_json.hpp"
#include "io/write_formats.hpp"

namespace caremap::io::detail {

namespace {

// PostgreSQL truncates identifiers longer than 63 bytes; the longest name made from a table's
// is its temporary name's spatial index, "<table>_tmp_<8 hex>_geom_geom_idx".
constexpr std::string_view kTemporaryMark = "_tmp_";
constexpr std::size_t kMaxTableBytes = 63 - kTemporaryMark.size() - 8 - 14;

[[noreturn]] void fail(const ScopedCplErrors& errors, const std::string& what) {
  throw core::OutputError(what + ": " + errors.message("GDAL gave no reason"));
}

// Runs one SQL statement on the dataset's connection (inside its open transaction).
void execute(GDALDataset& ds, const std::string& sql, ScopedCplErrors& errors,
             const std::string& what) {
  const std::size_t errors_before = errors.errors().size();
  if (OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)) {
    ds.ReleaseResultSet(result);
  }
  if (errors.errors().size() > errors_before) {
    throw core::OutputError(what + ": " + errors.errors().back());
  }
}

// The transaction of one write: rolled back unless committed.
class Transaction {
 public:
  Transaction(GDALDataset& ds, ScopedCplErrors& errors) : m_ds(ds) {
    if (m_ds.StartTransaction(FALSE) != OGRERR_NONE) {
      fail(errors, "cannot start a transaction");
    }
  }
  ~Transaction() {
    if (!m_committed) {
      m_ds.RollbackTransaction();
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit(ScopedCplErrors& errors) {
    m_committed = true;  // a failed COMMIT ends the transaction too: nothing to roll back
    if (m_ds.CommitTransaction() != OGRERR_NONE) {
      fail(errors, "cannot commit the transaction");
    }
  }

 private:
  GDALDataset& m_ds;
  bool m_committed = false;
};

struct TableName {
  std::string schema;  ///< empty: the connection's search_path decides
  std::string table;

  std::string qualified(const std::string& t) const {
    return schema.empty() ? t : schema + "." + t;
  }
};

TableName table_name(const std::string& prefix, const std::string& layer_id) {
  const std::string full = prefix + (layer_id.empty() ? std::string("layer") : layer_id);
  const std::size_t dot = full.find('.');
  TableName n = dot == std::string::npos ? TableName{{}, full}
                                         : TableName{full.substr(0, dot), full.substr(dot + 1)};
  if (n.table.empty() || n.table.find('.') != std::string::npos) {
    throw core::ArgumentError("'" + full + "' is not a table name (schema.table at most)");
  }
  return n;
}

std::string random_suffix() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> digit(0, 15);
  std::string s;
  for (int i = 0; i < 8; ++i) {
    s += "0123456789abcdef"[digit(rd)];
  }
  return s;
}

}  // namespace

void write_postgis(std::span<const core::Layer* const> layers, const std::string& connection,
                   const WriteOptions& options) {
  ScopedCplErrors errors;
  static const char* const kPostgres[] = {"PostgreSQL", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                            kPostgres, nullptr, nullptr));
  if (!ds) {
    fail(errors, "cannot connect to the database");
  }
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(options.crs.definition.c_str()) != OGRERR_NONE) {
    fail(errors, "GDAL cannot use CRS " + options.crs.short_label());
  }
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  struct Pending {
    TableName target;
    std::string temporary;
  };
  std::vector<Pending> pending;
  Transaction transaction(*ds, errors);
  for (const core::Layer* layer : layers) {
    const TableName target = table_name(options.table_prefix, layer->id);
    const std::string temporary = target.table + std::string(kTemporaryMark) + random_suffix();
    if (target.table.size() > kMaxTableBytes) {
      throw core::ArgumentError("table name '" + target.table + "' is too long (" +
                                std::to_string(target.table.size()) + " bytes; at most " +
                                std::to_string(kMaxTableBytes) + ")");
    }
    const std::string provenance = provenance_document(*layer, options.crs.short_label());
    CPLStringList creation;
    creation.SetNameValue("GEOMETRY_NAME", "geom");
    creation.SetNameValue("FID", "fid");
    creation.SetNameValue("LAUNDER", "NO");  // field names as the layer has them (日本語, Case)
    creation.SetNameValue("DESCRIPTION", provenance.c_str());
    try {
      write_ogr_layer(*ds, *layer, target.qualified(temporary), options.crs, srs, creation.List(),
                      errors);
    } catch (const core::Error& e) {
      throw core::OutputError("table " + target.qualified(target.table) + ": " + e.detail());
    }
    pending.push_back({target, temporary});
  }
  // A cancel that came while the tables were written leaves the old ones (rolled back).
  if (options.cancel != nullptr && options.cancel->cancelled()) {
    throw core::Cancelled();
  }
  for (const Pending& p : pending) {
    const std::string name = p.target.qualified(p.target.table);
    const auto q = [&](const std::string& t) { return quote_table_name(p.target.qualified(t)); };
    const auto quoted = [](const std::string& t) { return quote_table_name(t); };
    execute(*ds, "DROP TABLE IF EXISTS " + quote_table_name(name), errors,
            "cannot replace table " + name);
    execute(*ds, "ALTER TABLE " + q(p.temporary) + " RENAME TO " + quoted(p.target.table), errors,
            "cannot rename the new table to " + name);
    // The objects GDAL made carry the temporary name: give them the table's.
    for (const char* suffix : {"_pkey", "_geom_geom_idx"}) {
      execute(*ds,
              "ALTER INDEX IF EXISTS " + q(p.temporary + suffix) + " RENAME TO " +
                  quoted(p.target.table + suffix),
              errors, "cannot rename the index of table " + name);
    }
    execute(*ds,
            "ALTER SEQUENCE IF EXISTS " + q(p.temporary + "_fid_seq") + " RENAME TO " +
                quoted(p.target.table + "_fid_seq"),
            errors, "cannot rename the fid sequence of table " + name);
  }
  if (options.cancel != nullptr && options.cancel->cancelled()) {
    throw core::Cancelled();
  }
  transaction.commit(errors);
}

}  // namespace caremap::io::detail
