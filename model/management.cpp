#include "model/management.hpp"

namespace riparia::model {

const char* sector_name(Sector sector) {
    switch (sector) {
    case Sector::irrigation:
        return "irrigation";
    case Sector::domestic:
        return "domestic";
    case Sector::industry:
        return "industry";
    case Sector::livestock:
        return "livestock";
    case Sector::environment:
        return "environment";
    }
    return "unknown";
}

} // namespace riparia::model
