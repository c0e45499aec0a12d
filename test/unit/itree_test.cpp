// Unit tests of deps/itree.h (interval treap) through itree_shim.c: every
// query is compared with a brute-force scan of the intervals in the tree.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "itree_shim.h"

namespace {

struct Iv {
    uintptr_t lo, hi;
    bool in = false;
};

// Model: the intervals the tree should hold, by node index.
class Model {
  public:
    explicit Model(unsigned n) : iv_(n)
    {
        EXPECT_EQ(shim_itree_reset(n), 0);
    }
    void insert(unsigned i, uintptr_t lo, uintptr_t hi)
    {
        ASSERT_FALSE(iv_[i].in);
        iv_[i] = {lo, hi, true};
        shim_itree_insert(i, lo, hi);
        count_++;
    }
    void remove(unsigned i)
    {
        ASSERT_TRUE(iv_[i].in);
        iv_[i].in = false;
        shim_itree_remove(i);
        count_--;
    }
    bool in(unsigned i) const { return iv_[i].in; }
    uintptr_t lo(unsigned i) const { return iv_[i].lo; }
    uintptr_t hi(unsigned i) const { return iv_[i].hi; }
    unsigned size() const { return (unsigned)iv_.size(); }
    long count() const { return count_; }

    // Compare one query with the brute force answer.
    void query(uintptr_t lo, uintptr_t hi) const
    {
        std::vector<unsigned> want;
        for (unsigned i = 0; i < iv_.size(); i++)
            if (iv_[i].in && iv_[i].lo < hi && lo < iv_[i].hi)
                want.push_back(i);
        std::vector<unsigned> got(iv_.size() + 1);
        unsigned n = shim_itree_query(lo, hi, got.data(), (unsigned)got.size());
        ASSERT_LE(n, iv_.size()) << "more visits than nodes";
        got.resize(n);
        std::sort(got.begin(), got.end());
        ASSERT_TRUE(std::adjacent_find(got.begin(), got.end()) == got.end())
            << "a node visited twice for [" << lo << "," << hi << ")";
        ASSERT_EQ(got, want) << "query [" << lo << "," << hi << ")";
    }

  private:
    std::vector<Iv> iv_;
    long count_ = 0;
};

// ---- small hand cases: touching is not overlapping ------------------------

struct QueryCase {
    const char *name;
    uintptr_t lo, hi;
    std::vector<unsigned> want;  // node indices, sorted
};

// Nodes: 0 = [10,20), 1 = [20,30), 2 = [10,20) again, 3 = [0,100), 4 = [25,26)
const uintptr_t fixed_nodes[][2] = {{10, 20}, {20, 30}, {10, 20}, {0, 100}, {25, 26}};

const QueryCase query_cases[] = {
    {"before all", 200, 300, {}},
    {"touch end of big", 100, 101, {}},
    {"touch start of 0 from left", 5, 10, {3}},
    {"last byte of 0", 19, 20, {0, 2, 3}},
    {"first byte of 1", 20, 21, {1, 3}},
    {"spanning 0 and 1", 15, 25, {0, 1, 2, 3}},
    {"exactly node 4", 25, 26, {1, 3, 4}},
    {"just after node 4", 26, 27, {1, 3}},
    {"everything", 0, 1000, {0, 1, 2, 3, 4}},
    {"first byte of big", 0, 1, {3}},
    {"last byte of big", 99, 100, {3}},
};

class ItreeQuery : public ::testing::TestWithParam<QueryCase> {};

void PrintTo(const QueryCase &c, std::ostream *os) { *os << c.name; }

TEST_P(ItreeQuery, Fixed)
{
    const QueryCase &c = GetParam();
    const unsigned n = sizeof fixed_nodes / sizeof fixed_nodes[0];
    ASSERT_EQ(shim_itree_reset(n), 0);
    for (unsigned i = 0; i < n; i++)
        shim_itree_insert(i, fixed_nodes[i][0], fixed_nodes[i][1]);
    ASSERT_EQ(shim_itree_check(), (long)n);
    std::vector<unsigned> got(n + 1);
    unsigned k = shim_itree_query(c.lo, c.hi, got.data(), n + 1);
    got.resize(std::min(k, n + 1));
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, c.want);
}

INSTANTIATE_TEST_SUITE_P(Table, ItreeQuery, ::testing::ValuesIn(query_cases),
                         [](const ::testing::TestParamInfo<QueryCase> &i) {
                             std::string s = std::to_string(i.index) + "_";
                             for (const char *p = i.param.name; *p; p++)
                                 s += isalnum((unsigned char)*p) ? *p : '_';
                             return s;
                         });

TEST(Itree, EmptyTree)
{
    Model m(4);
    EXPECT_EQ(shim_itree_check(), 0);
    m.query(0, UINTPTR_MAX);
    m.insert(0, 5, 6);
    m.remove(0);
    EXPECT_EQ(shim_itree_check(), 0);
    m.query(0, UINTPTR_MAX);
}

TEST(Itree, ReinsertWithOtherInterval)
{
    Model m(3);
    m.insert(0, 0, 10);
    m.insert(1, 5, 15);
    m.insert(2, 20, 30);
    m.remove(1);
    m.insert(1, 25, 40);
    EXPECT_EQ(shim_itree_check(), 3);
    m.query(10, 20);
    m.query(12, 13);
    m.query(29, 31);
    m.query(30, 40);
}

// ---- random, against the brute force ------------------------------------

struct RandomCase {
    const char *name;
    unsigned nodes;
    uintptr_t lo_range;  // lo drawn from [0, lo_range): small = many equal lo
    uintptr_t max_len;   // length drawn from [1, max_len]
    unsigned ops;
    uint64_t seed;
};

void PrintTo(const RandomCase &c, std::ostream *os) { *os << c.name; }

const RandomCase random_cases[] = {
    {"spread short", 4000, 100000, 64, 30000, 1},
    {"dense short", 4000, 2000, 64, 30000, 2},
    {"many equal lo", 3000, 50, 200, 30000, 3},
    {"all same lo", 1000, 1, 1000, 10000, 4},
    {"long intervals", 3000, 10000, 10000, 20000, 5},
    {"mixed lengths", 4000, 5000, 0, 30000, 6},  // 0: short or very long
};

class ItreeRandom : public ::testing::TestWithParam<RandomCase> {};

TEST_P(ItreeRandom, MatchesBruteForce)
{
    const RandomCase &c = GetParam();
    std::mt19937_64 g(c.seed);
    auto below = [&](uint64_t n) { return (uintptr_t)(g() % n); };
    auto length = [&]() -> uintptr_t {
        if (c.max_len)
            return 1 + below(c.max_len);
        return below(8) == 0 ? 1 + below(20000) : 1 + below(16);
    };
    Model m(c.nodes);
    // Fill half the nodes.
    for (unsigned i = 0; i < c.nodes; i += 2) {
        uintptr_t lo = 1000 + below(c.lo_range);
        m.insert(i, lo, lo + length());
    }
    ASSERT_EQ(shim_itree_check(), m.count());
    const uintptr_t qspan = c.lo_range + 30000;
    for (unsigned op = 0; op < c.ops; op++) {
        unsigned i = (unsigned)below(c.nodes);
        switch (below(4)) {
        case 0:
            if (m.in(i)) {
                m.remove(i);
            } else {
                uintptr_t lo = 1000 + below(c.lo_range);
                m.insert(i, lo, lo + length());
            }
            break;
        case 1: {
            // Insert an exact duplicate (same lo and hi) of a node in the tree.
            unsigned j = (unsigned)below(c.nodes);
            if (m.in(i))
                m.remove(i);
            else if (m.in(j))
                m.insert(i, m.lo(j), m.hi(j));
            break;
        }
        default: {
            uintptr_t lo = below(qspan), hi = lo + 1 + below(below(4) ? 64 : qspan);
            m.query(lo, hi);
            break;
        }
        }
        if (::testing::Test::HasFatalFailure())
            return;
        if (op % 1000 == 0) {
            ASSERT_EQ(shim_itree_check(), m.count()) << "after op " << op;
        }
    }
    ASSERT_EQ(shim_itree_check(), m.count());
    // Empty it in random order, checking as we go.
    std::vector<unsigned> live;
    for (unsigned i = 0; i < c.nodes; i++)
        if (m.in(i))
            live.push_back(i);
    std::shuffle(live.begin(), live.end(), g);
    for (size_t k = 0; k < live.size(); k++) {
        m.remove(live[k]);
        if (k % 97 == 0) {
            uintptr_t lo = below(qspan);
            m.query(lo, lo + 1 + below(200));
            ASSERT_EQ(shim_itree_check(), m.count());
        }
    }
    EXPECT_EQ(shim_itree_check(), 0);
    m.query(0, UINTPTR_MAX);
}

INSTANTIATE_TEST_SUITE_P(Table, ItreeRandom, ::testing::ValuesIn(random_cases),
                         [](const ::testing::TestParamInfo<RandomCase> &i) {
                             std::string s = std::to_string(i.index) + "_";
                             for (const char *p = i.param.name; *p; p++)
                                 s += isalnum((unsigned char)*p) ? *p : '_';
                             return s;
                         });

// Exact duplicates: many nodes with the same lo and hi, removed one by one.
TEST(Itree, ExactDuplicates)
{
    const unsigned n = 2000;
    Model m(n);
    std::mt19937_64 g(99);
    for (unsigned i = 0; i < n; i++)
        m.insert(i, 500, i % 2 ? 600 : 501);
    ASSERT_EQ(shim_itree_check(), (long)n);
    m.query(500, 501);
    m.query(501, 502);
    m.query(499, 500);
    m.query(600, 601);
    std::vector<unsigned> order(n);
    for (unsigned i = 0; i < n; i++)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), g);
    for (unsigned k = 0; k < n; k++) {
        m.remove(order[k]);
        if (k % 101 == 0) {
            ASSERT_EQ(shim_itree_check(), m.count());
            m.query(500, 501);
            m.query(550, 551);
        }
    }
    EXPECT_EQ(shim_itree_check(), 0);
}

}  // namespace
