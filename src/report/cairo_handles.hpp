#pragma once
// One RAII owner for each Cairo and fontconfig handle the report renderer uses: no naked
// cairo_destroy / cairo_surface_destroy / FcPatternDestroy anywhere else.

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <memory>

namespace caremap::report {

struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_font_face_t* f) const { cairo_font_face_destroy(f); }
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using FontFacePtr = std::unique_ptr<cairo_font_face_t, CairoDeleter>;
using FcPatternPtr = std::unique_ptr<FcPattern, CairoDeleter>;

/// Saves the drawing state on construction and restores it on destruction.
class SavedState {
 public:
  explicit SavedState(cairo_t* cr) : m_cr(cr) { cairo_save(cr); }
  ~SavedState() { cairo_restore(m_cr); }
  SavedState(const SavedState&) = delete;
  SavedState& operator=(const SavedState&) = delete;

 private:
  cairo_t* m_cr;
};

}  // namespace caremap::report
