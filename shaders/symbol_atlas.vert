// Bakes the point-symbol distance atlas (see symbol_atlas.frag): one quad per atlas cell, drawn
// with the viewport set to that cell.

out vec2 v_q;  // position in units of the symbol's bounding radius

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1) * 2.0 - 1.0, float((gl_VertexID >> 1) & 1) * 2.0 - 1.0);
  gl_Position = vec4(corner, 0.0, 1.0);
  v_q = corner * SYMBOL_ATLAS_EXTENT;
}
