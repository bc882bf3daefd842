// Raster basemaps: one textured quad covering the image's box in the working CRS.

layout(location = 0) in vec2 a_position;  // metres relative to the image origin
layout(location = 1) in vec2 a_texcoord;

out vec2 v_texcoord;

void main() {
  gl_Position = vec4(map_to_clip(a_position), 0.0, 1.0);
  v_texcoord = a_texcoord;
}
