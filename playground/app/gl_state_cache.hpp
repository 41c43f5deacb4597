// The GL state that Dear ImGui's OpenGL3 backend saves before it draws and restores after, kept
// here for the parts WebGL can only answer with a round trip to the GPU process: the scissor box
// and the blend functions and equations. The backend's translation unit is compiled with this
// header forced in (-include, see playground/CMakeLists.txt), so the calls below are renamed to
// this cache's before the GL header declares them, and the backend's queries and sets of that
// state come here.
//
// Why: a frame's first such query waits until the GPU has finished the frame before, so the page's
// main thread paid for the GPU's drawing every frame (2.3 ms of a 4 ms frame at 10,000 tasks in
// headless Chromium). Answered from here, it never waits on the GPU.
//
// Valid while nothing but these functions sets that state: the backend is the page's only GL user
// (main.cpp clears and sets the viewport, which are not cached). A query the cache has not seen
// set is asked of GL once.
#pragma once

#define glGetIntegerv aio_gl_get_integerv
#define glScissor aio_gl_scissor
#define glBlendFunc aio_gl_blend_func
#define glBlendFuncSeparate aio_gl_blend_func_separate
#define glBlendEquation aio_gl_blend_equation
#define glBlendEquationSeparate aio_gl_blend_equation_separate
