#pragma once
// The GL pieces shared by the two textured draws of the map renderer (a georeferenced raster on
// one quad, a basemap tile on a warped grid): uploading the image as a texture and describing
// the vertex layout the raster shader reads. Kept together so the texture filtering and the
// attribute layout cannot drift apart between the two. Requires a current GL context.

#include <cstdint>
#include <span>

#include "render/gl_object.hpp"

namespace caremap::render {

/// Whether `rgba` holds a whole image of `width` x `height` pixels, 4 bytes each (a positive
/// size, and no fewer bytes): what upload_rgba_texture reads.
bool is_whole_rgba(int width, int height, std::span<const std::uint8_t> rgba);

/// A new texture holding `rgba` (`width` x `height` pixels, 4 bytes each, rows as given) with
/// mipmaps, linear filtering and clamped edges: a map image is minified at overviews and must
/// not wrap around at its edges. Leaves the texture bound to GL_TEXTURE_2D. O(pixels).
GlTexture upload_rgba_texture(int width, int height, std::span<const std::uint8_t> rgba);

/// Describes the bound vertex array's attributes for the bound GL_ARRAY_BUFFER of interleaved
/// vertices of four floats: attribute 0 the position (x, y, metres from the draw's origin),
/// attribute 1 the texture coordinate (u, v).
void describe_textured_vertices();

}  // namespace caremap::render
