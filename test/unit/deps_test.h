// deps_test.h - what the dependence engine's tests share (deps_test.cpp,
// the directed cases; deps_test_model.cpp, random programs against a
// model): regions as plain data, tasks made and driven through
// deps_shim.c, and the fixture that resets the shim around each test.
#ifndef DEPS_TEST_H
#define DEPS_TEST_H

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <initializer_list>
#include <utility>
#include <vector>

#include "deps_shim.h"

namespace deps_test {

inline constexpr uintptr_t B = 0x200000;

// A dependence region: base and up to 3 dims (dims[0] innermost, bytes).
struct Acc {
    uintptr_t base;
    unsigned n;
    ss_dim_t d[3];
};

inline Acc bytes(size_t off, size_t len) { return {B + off, 1, {{len, 0, len}}}; }

// double m[10][10] at B: rows [r0,r1), columns [c0,c1).
inline Acc mat(size_t r0, size_t r1, size_t c0, size_t c1)
{
    return {B, 2, {{80, c0 * 8, c1 * 8}, {10, r0, r1}}};
}

// int c[4][4][4] at B: c[z][y][x].
inline Acc cube(size_t z0, size_t z1, size_t y0, size_t y1, size_t x0, size_t x1)
{
    return {B, 3, {{16, x0 * 4, x1 * 4}, {4, y0, y1}, {4, z0, z1}}};
}

inline const ss_dep_type_t kTypes[] = {SS_DEP_IN, SS_DEP_OUT, SS_DEP_INOUT, SS_DEP_INOUTSET,
                                SS_DEP_MUTEXINOUTSET};

inline const char *type_name(ss_dep_type_t t)
{
    switch (t) {
    case SS_DEP_IN: return "in";
    case SS_DEP_OUT: return "out";
    case SS_DEP_INOUT: return "inout";
    case SS_DEP_INOUTSET: return "inoutset";
    case SS_DEP_MUTEXINOUTSET: return "mutexinoutset";
    }
    return "?";
}

inline int add(int t, ss_dep_type_t type, const Acc &a)
{
    return shim_add_dep(t, type, (const void *)a.base, a.n, a.d);
}

// A task with one dependence.
inline int task(ss_dep_type_t type, const Acc &a)
{
    int t = shim_new_task(1);
    EXPECT_EQ(add(t, type, a), 0);
    return t;
}

// A task with several dependences.
inline int task(std::initializer_list<std::pair<ss_dep_type_t, Acc>> deps)
{
    int t = shim_new_task((unsigned)deps.size());
    for (const auto &d : deps)
        EXPECT_EQ(add(t, d.first, d.second), 0);
    return t;
}

inline bool submit(int t) { return shim_submit(t) == 1; }

// Complete t; the sorted indices of the tasks that became ready.
inline std::vector<int> complete(int t)
{
    static std::vector<int> buf;
    if (buf.size() < shim_ntasks() + 1)
        buf.resize(2 * (size_t)shim_ntasks() + 1);
    int n = shim_complete(t, buf.data(), (int)buf.size());
    EXPECT_GE(n, 0) << "task " << t << " completed while not ready";
    std::vector<int> out(buf.begin(), buf.begin() + std::max(0, std::min(n, (int)buf.size())));
    std::sort(out.begin(), out.end());
    return out;
}

using Ids = std::vector<int>;

class Deps : public ::testing::Test {
  protected:
    void SetUp() override { shim_deps_reset(); }
    void TearDown() override
    {
        EXPECT_EQ(shim_errors(), 0u) << shim_last_error();
        shim_deps_reset();
    }
};

// Test names of a table of cases with a `name`: "INDEX_name", with every
// character that is not a letter or digit made '_'.
struct CaseName {
    template <class P> std::string operator()(const ::testing::TestParamInfo<P> &i) const
    {
        std::string s = std::to_string(i.index) + "_";
        for (const char *p = i.param.name; *p; p++)
            s += isalnum((unsigned char)*p) ? *p : '_';
        return s;
    }
};

}  // namespace deps_test

#endif
