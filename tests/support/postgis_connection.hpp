#pragma once
// The test database of the CTest fixture "postgis": reached through the environment main() sets
// (PGHOST = the server's socket folder, PGPORT, PGUSER, PGDATABASE), so the connection string is
// just "PG:" plus whatever a test adds. The server trusts local connections, so a password in
// the string is accepted and ignored: the tests use one to check it never shows.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace caremap::test {

/// A password no output may contain.
inline const std::string kSecret = "TopSecret42";
/// A connection string carrying it.
inline const std::string kConnectionWithPassword = "PG:password=" + kSecret;

/// A GDAL connection to the test database for the checks (the code under test opens its own).
inline GDALDatasetUniquePtr open_test_database() {
  GDALAllRegister();
  static const char* const kPostgres[] = {"PostgreSQL", nullptr};
  GDALDatasetUniquePtr ds(
      GDALDataset::Open("PG:", GDAL_OF_VECTOR | GDAL_OF_UPDATE, kPostgres, nullptr, nullptr));
  if (!ds) {
    throw std::runtime_error("cannot connect to the test database: " +
                             std::string(CPLGetLastErrorMsg()));
  }
  return ds;
}

/// The rows of a query, every value as text (null as "NULL").
inline std::vector<std::vector<std::string>> query(GDALDataset& ds, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result == nullptr) {
    throw std::runtime_error("query failed: " + sql + ": " + CPLGetLastErrorMsg());
  }
  while (OGRFeatureUniquePtr f{result->GetNextFeature()}) {
    std::vector<std::string> row;
    for (int i = 0; i < f->GetFieldCount(); ++i) {
      row.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  ds.ReleaseResultSet(result);
  return rows;
}

}  // namespace caremap::test
