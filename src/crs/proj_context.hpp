#pragma once
// RAII ownership of PROJ handles, private to the crs library (public headers never include
// proj.h). A PJ_CONTEXT is not thread-safe, and neither is any PJ created in it, so every object
// that transforms coordinates (and may move between threads) owns its own context and the PJs
// made in it; one-shot questions (parse a definition, read its axes) use their thread's context.

#include <proj.h>

#include <memory>
#include <string>

namespace caremap::crs::detail {

struct ContextDeleter {
  void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
};
struct PjDeleter {
  void operator()(PJ* pj) const { proj_destroy(pj); }
};

using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// A new context with PROJ's own logging silenced: errors are read back with last_error() and
/// reported through caremap's exceptions, never printed to stderr by PROJ.
ContextPtr make_context();

/// This thread's context for short-lived PJs that never leave the call that made them. Opening
/// a context's database (proj.db) costs about a millisecond; answering every CRS question on a
/// fresh context paid it each time.
PJ_CONTEXT* thread_context();

/// Readable text of the context's last error ("unknown error" if PROJ gives none).
std::string last_error(PJ_CONTEXT* ctx);

/// proj_create on `definition`; nullptr (and last_error set) if PROJ cannot parse it.
PjPtr create(PJ_CONTEXT* ctx, const std::string& definition);

}  // namespace caremap::crs::detail
