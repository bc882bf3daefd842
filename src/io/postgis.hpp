#pragma once
// PostGIS sources and sinks, named the way GDAL's PostgreSQL driver names them: "PG:" followed
// by a libpq connection string ("PG:service=caremap", "PG:dbname=care host=db.local", or just
// "PG:" to connect with the environment: PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD,
// PGSERVICE with pg_service.conf). The table is chosen apart from the connection: source_layer in
// a project file, --source-layer on the command line, the layer id (with --table-prefix) when
// writing.
//
// A connection string may carry a password. It is used to connect and nowhere else: every place
// that names a source (errors, diagnostics, provenance, printed tables, written outputs) shows
// redact_passwords(source) instead, and GDAL's own messages pass through it too
// (io/gdal_env.cpp). Prefer PGPASSWORD or ~/.pgpass, which never reach caremap at all.

#include <filesystem>
#include <string>
#include <string_view>

namespace caremap::io {

/// True when `source` names a PostGIS database ("PG:..." as GDAL spells it; case-insensitive).
bool is_postgis_source(std::string_view source);
bool is_postgis_source(const std::filesystem::path& source);
inline bool is_postgis_source(const std::string& source) {
  return is_postgis_source(std::string_view(source));
}

/// `text` with every password replaced by "***": libpq keywords `password=secret`,
/// `password = 'it''s secret'` (quoted values, backslash escapes), and URIs
/// `postgresql://user:secret@host` / `postgres://...` as well as `?password=secret` parameters.
/// Any text may be given (a source, an error message quoting one). O(length).
std::string redact_passwords(std::string_view text);

/// How a source is named to people: a file path as is, a PostGIS connection redacted.
std::string source_display_name(const std::filesystem::path& source);

/// `source` resolved against `base_dir` (the project file's folder) unless it is absolute or a
/// database connection (which has no folder).
std::filesystem::path resolve_source(const std::filesystem::path& source,
                                     const std::filesystem::path& base_dir);

/// "name" quoted as a PostgreSQL identifier, "schema"."table" for a dotted name ("a""b" for a
/// quote inside).
std::string quote_table_name(std::string_view name);

}  // namespace caremap::io
