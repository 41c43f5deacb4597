// The GL state cache behind gl_state_cache.hpp: the GL calls it stands in for, and the values they
// set, answered to glGetIntegerv without asking WebGL.
#include <GLES2/gl2.h>

#include <algorithm>
#include <array>

namespace {

struct Cached {
    GLenum pname;
    int size;            // GLints the query answers
    bool known = false;
    GLint value[4] = {};
};

std::array<Cached, 7> g_cache = {{{GL_SCISSOR_BOX, 4},
                                  {GL_BLEND_SRC_RGB, 1},
                                  {GL_BLEND_DST_RGB, 1},
                                  {GL_BLEND_SRC_ALPHA, 1},
                                  {GL_BLEND_DST_ALPHA, 1},
                                  {GL_BLEND_EQUATION_RGB, 1},
                                  {GL_BLEND_EQUATION_ALPHA, 1}}};

Cached* cached(GLenum pname) {
    for (Cached& c : g_cache)
        if (c.pname == pname) return &c;
    return nullptr;
}

void remember(GLenum pname, GLint a, GLint b = 0, GLint c = 0, GLint d = 0) {
    Cached* slot = cached(pname);
    slot->known = true;
    slot->value[0] = a, slot->value[1] = b, slot->value[2] = c, slot->value[3] = d;
}

}  // namespace

extern "C" {

void aio_gl_get_integerv(GLenum pname, GLint* out) {
    Cached* c = cached(pname);
    if (!c) return glGetIntegerv(pname, out);
    if (!c->known) glGetIntegerv(pname, c->value);
    c->known = true;
    std::copy_n(c->value, c->size, out);
}

void aio_gl_scissor(GLint x, GLint y, GLsizei width, GLsizei height) {
    glScissor(x, y, width, height);
    remember(GL_SCISSOR_BOX, x, y, width, height);
}

void aio_gl_blend_func(GLenum source, GLenum destination) {
    glBlendFunc(source, destination);
    remember(GL_BLEND_SRC_RGB, static_cast<GLint>(source));
    remember(GL_BLEND_SRC_ALPHA, static_cast<GLint>(source));
    remember(GL_BLEND_DST_RGB, static_cast<GLint>(destination));
    remember(GL_BLEND_DST_ALPHA, static_cast<GLint>(destination));
}

void aio_gl_blend_func_separate(GLenum source_rgb, GLenum destination_rgb, GLenum source_alpha, GLenum destination_alpha) {
    glBlendFuncSeparate(source_rgb, destination_rgb, source_alpha, destination_alpha);
    remember(GL_BLEND_SRC_RGB, static_cast<GLint>(source_rgb));
    remember(GL_BLEND_DST_RGB, static_cast<GLint>(destination_rgb));
    remember(GL_BLEND_SRC_ALPHA, static_cast<GLint>(source_alpha));
    remember(GL_BLEND_DST_ALPHA, static_cast<GLint>(destination_alpha));
}

void aio_gl_blend_equation(GLenum mode) {
    glBlendEquation(mode);
    remember(GL_BLEND_EQUATION_RGB, static_cast<GLint>(mode));
    remember(GL_BLEND_EQUATION_ALPHA, static_cast<GLint>(mode));
}

void aio_gl_blend_equation_separate(GLenum mode_rgb, GLenum mode_alpha) {
    glBlendEquationSeparate(mode_rgb, mode_alpha);
    remember(GL_BLEND_EQUATION_RGB, static_cast<GLint>(mode_rgb));
    remember(GL_BLEND_EQUATION_ALPHA, static_cast<GLint>(mode_alpha));
}

}  // extern "C"
