// playground/views/controls_form.hpp: the canvas's form as the page's mirror writes it: a value
// typed in takes, one that does not read is named and stops Run, a pick keeps each demo's edits.
#include "playground/views/controls_form.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio;

const demos::Demo& demo(const std::string& name) { return *demos::find_demo(name); }
const demos::Param& param(const demos::Demo& d, const std::string& name) {
    for (const demos::Param& p : d.params)
        if (p.name == name) return p;
    throw std::invalid_argument(name);
}
size_t index_of(const std::string& name) {
    const auto& all = demos::all_demos();
    return static_cast<size_t>(std::find(all.begin(), all.end(), &demo(name)) - all.begin());
}

// Commands whose run records what it was given; the form calls nothing else.
struct Recorded {
    std::vector<std::pair<std::string, demos::Params>> runs;
    views::Commands commands;
    Recorded() {
        commands.run = [this](const std::string& d, const demos::Params& p, bool) {
            runs.emplace_back(d, p);
            return static_cast<uint64_t>(runs.size());
        };
    }
};

views::ControlsView form_of(const std::string& name) {
    views::ControlsView f;
    views::sync_form(f, page::PlaygroundState{});
    views::pick_demo(f, index_of(name));
    return f;
}

TEST(ControlsForm, a_number_typed_in_is_the_value_and_run_runs_it) {
    views::ControlsView f = form_of("queue");
    views::set_field_text(f, param(demo("queue"), "producers"), "4");
    EXPECT_EQ(views::field_text(f, param(demo("queue"), "producers")), "4");
    EXPECT_TRUE(views::form_problems(f).empty());
    Recorded r;
    ASSERT_TRUE(views::run_form(f, r.commands));
    ASSERT_EQ(r.runs.size(), 1u);
    EXPECT_EQ(r.runs[0].first, "queue");
    EXPECT_EQ(std::get<int64_t>(r.runs[0].second.at("producers")), 4);
}

TEST(ControlsForm, a_fraction_in_a_whole_number_field_is_named_and_run_runs_nothing) {
    views::ControlsView f = form_of("count");
    const demos::Param& n = param(demo("count"), "n");
    const demos::Value before = f.edited.at("n");
    views::set_field_text(f, n, "3.5");
    EXPECT_EQ(views::field_text(f, n), "3.5") << "the field keeps what was typed";
    EXPECT_EQ(f.edited.at("n"), before) << "the value stays the last one that read";
    EXPECT_EQ(views::form_problems(f).at("n"), views::typed_problem(n, "3.5"));
    EXPECT_NE(views::typed_problem(n, "3.5").find("'3.5' is not a whole number"), std::string::npos);
    Recorded r;
    EXPECT_FALSE(views::run_form(f, r.commands));
    EXPECT_TRUE(r.runs.empty());
    EXPECT_EQ(f.error, "Not run: fix n first");
    views::set_field_text(f, n, "2");   // a good value takes the problem away
    EXPECT_TRUE(views::form_problems(f).empty());
    EXPECT_TRUE(f.error.empty());
}

TEST(ControlsForm, a_value_out_of_range_is_kept_with_its_range_problem) {
    views::ControlsView f = form_of("count");
    views::set_field_text(f, param(demo("count"), "n"), "20000");
    EXPECT_EQ(std::get<int64_t>(f.edited.at("n")), 20000);
    const auto problems = views::form_problems(f);
    ASSERT_TRUE(problems.count("n"));
    EXPECT_NE(problems.at("n").find("20000"), std::string::npos) << problems.at("n");
}

TEST(ControlsForm, empty_and_unreadable_numbers_say_so_with_the_range) {
    const demos::Param& delay = param(demo("count"), "delay");
    EXPECT_NE(views::typed_problem(delay, "").find("delay is empty"), std::string::npos);
    EXPECT_NE(views::typed_problem(delay, "1x").find("'1x' is not a number"), std::string::npos);
    EXPECT_EQ(views::typed_problem(delay, "0.25"), "");
    EXPECT_NE(views::field_note(delay).find(delay.help), std::string::npos);
}

TEST(ControlsForm, a_list_typed_in_keeps_its_text_and_its_bad_item_is_named) {
    views::ControlsView f = form_of("chain");
    const demos::Param& ids = param(demo("chain"), "ids");
    views::set_field_text(f, ids, "4 x");
    EXPECT_EQ(views::field_text(f, ids), "4 x");
    EXPECT_EQ(views::form_problems(f).at("ids"), demos::parse_int_list(ids, "4 x").problem);
}

TEST(ControlsForm, each_demo_keeps_its_edits_while_another_is_picked) {
    views::ControlsView f = form_of("count");
    views::set_field_text(f, param(demo("count"), "n"), "7");
    views::pick_demo(f, index_of("queue"));
    EXPECT_EQ(views::form_demo(f).name, "queue");
    EXPECT_EQ(f.edited, demos::resolve_params(demo("queue"), {}));
    views::pick_demo(f, index_of("count"));
    EXPECT_EQ(std::get<int64_t>(f.edited.at("n")), 7);
    views::reset_form(f);
    EXPECT_EQ(f.edited, demos::resolve_params(demo("count"), {}));
}

TEST(ControlsForm, a_run_started_elsewhere_shows_its_demo_and_values) {
    views::ControlsView f = form_of("count");
    views::set_field_text(f, param(demo("count"), "n"), "x");
    page::PlaygroundState s;
    s.demo = &demo("queue");
    s.params = demos::resolve_params(demo("queue"), {{"producers", int64_t{9}}});
    s.run = 1;
    views::sync_form(f, s);
    EXPECT_EQ(views::form_demo(f).name, "queue");
    EXPECT_EQ(views::field_text(f, param(demo("queue"), "producers")), "9");
    views::pick_demo(f, index_of("count"));
    EXPECT_EQ(views::field_text(f, param(demo("count"), "n")), "x") << "count's own edits are kept for it";
}

}  // namespace

namespace {

TEST(ControlsForm, shown_params_fill_the_form_without_a_run_and_forget_what_was_typed) {
    views::ControlsView f = form_of("count");
    views::pick_demo(f, index_of("queue"));
    views::set_field_text(f, param(demo("queue"), "producers"), "abc");
    views::pick_demo(f, index_of("count"));
    views::set_field_text(f, param(demo("count"), "n"), "7");
    const demos::Params shown = demos::resolve_params(demo("queue"), {{"producers", int64_t{3}}, {"maxsize", int64_t{2}}});
    views::show_params(f, demo("queue"), shown);
    EXPECT_EQ(views::form_demo(f).name, "queue");
    EXPECT_EQ(views::field_text(f, param(demo("queue"), "producers")), "3") << "the typed 'abc' gives way to the shown value";
    EXPECT_EQ(views::field_text(f, param(demo("queue"), "maxsize")), "2");
    EXPECT_EQ(f.edited, shown);
    EXPECT_TRUE(views::form_problems(f).empty());
    views::pick_demo(f, index_of("count"));
    EXPECT_EQ(views::field_text(f, param(demo("count"), "n")), "7") << "the demo left keeps its edits";
}

}  // namespace
