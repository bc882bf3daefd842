#include "crs/proj_context.hpp"

namespace caremap::crs::detail {

ContextPtr make_context() {
  ContextPtr ctx(proj_context_create());
  if (ctx) {
    proj_log_level(ctx.get(), PJ_LOG_NONE);
  }
  return ctx;
}

PJ_CONTEXT* thread_context() {
  thread_local const ContextPtr ctx = make_context();
  return ctx.get();
}

std::string last_error(PJ_CONTEXT* ctx) {
  const int err = proj_context_errno(ctx);
  const char* text = err != 0 ? proj_context_errno_string(ctx, err) : nullptr;
  return text != nullptr ? std::string(text) : std::string("unknown error");
}

PjPtr create(PJ_CONTEXT* ctx, const std::string& definition) {
  return PjPtr(proj_create(ctx, definition.c_str()));
}

}  // namespace caremap::crs::detail
