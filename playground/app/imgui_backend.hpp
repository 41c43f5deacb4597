// The one place that knows which Dear ImGui version's SDL2 backend is in use.
// ImGui 1.86 (Debian) names it imgui_impl_sdl.h; 1.87+ renamed it imgui_impl_sdl2.h.
#pragma once
#include <imgui.h>
#if __has_include(<imgui_impl_sdl2.h>)
#include <imgui_impl_sdl2.h>
#else
#include <imgui_impl_sdl.h>
#endif
#include <imgui_impl_opengl3.h>
