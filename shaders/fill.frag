flat in int v_class;

uniform vec4 u_fill[MAX_CLASSES];  // straight RGBA

out vec4 o_color;

void main() { o_color = u_fill[v_class]; }
