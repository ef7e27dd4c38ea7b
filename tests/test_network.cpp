// Network topology: order, outlets, and the errors a basin file can contain.
#include "model/network.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace riparia::model;

TEST_CASE("topological order puts every sub-basin after its upstream ones") {
    //   A   B
    //    \ /
    //     C   D
    //      \ /
    //       E      F (a second, independent basin)
    const Network net({"E", "C", "A", "B", "D", "F"}, {"", "E", "C", "C", "E", ""});
    const auto& order = net.topological_order();
    REQUIRE(order.size() == 6);
    std::vector<int> position(6);
    for (std::size_t k = 0; k < order.size(); ++k)
        position[order[k]] = static_cast<int>(k);
    for (std::size_t i = 0; i < 6; ++i) {
        if (net.downstream(i) != Network::kOutlet) CHECK(position[i] < position[net.downstream(i)]);
    }
    CHECK(net.outlets() == std::vector<int>{0, 5});
    CHECK(net.outlet_of(2) == 0);
    CHECK(net.outlet_of(5) == 5);
    CHECK(net.upstream(1) == std::vector<int>{2, 3});
}

TEST_CASE("network errors name the sub-basin") {
    auto kind_of = [](std::vector<std::string> ids, std::vector<std::string> down) {
        try {
            Network net(ids, down);
        } catch (const NetworkError& e) {
            return std::make_pair(e.kind(), std::string(e.what()));
        }
        FAIL("no error");
        return std::make_pair(NetworkError::Kind::cycle, std::string());
    };
    auto [k1, m1] = kind_of({"A", "B", "A"}, {"", "A", ""});
    CHECK(k1 == NetworkError::Kind::duplicate_id);
    CHECK(m1.find("'A'") != std::string::npos);
    auto [k2, m2] = kind_of({"A", "B"}, {"", "Z"});
    CHECK(k2 == NetworkError::Kind::unknown_downstream);
    CHECK(m2.find("'Z'") != std::string::npos);
    auto [k3, m3] = kind_of({"O", "A", "B", "C"}, {"", "B", "C", "A"});
    CHECK(k3 == NetworkError::Kind::cycle);
    CHECK(m3.find("A -> B -> C -> A") != std::string::npos);
    auto [k4, m4] = kind_of({"A"}, {"A"});
    CHECK(k4 == NetworkError::Kind::self_loop);
}
