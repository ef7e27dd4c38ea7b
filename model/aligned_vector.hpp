// std::vector with storage aligned to a cache line, for the struct-of-arrays day blocks: each
// 8-lane row of doubles is then exactly one 64-byte line (no split loads, no false sharing).
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace riparia::model {

template <typename T> struct CacheAlignedAllocator {
    using value_type = T;
    static constexpr std::align_val_t alignment{64};
    CacheAlignedAllocator() = default;
    template <typename U> CacheAlignedAllocator(const CacheAlignedAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), alignment)); }
    void deallocate(T* p, std::size_t) noexcept { ::operator delete(p, alignment); }
    template <typename U> bool operator==(const CacheAlignedAllocator<U>&) const noexcept {
        return true;
    }
};

template <typename T> using AlignedVector = std::vector<T, CacheAlignedAllocator<T>>;

} // namespace riparia::model
