// RFC 7386 merge patches derived (docs/serve.md §2): the patch that turns one document into another, what
// saved options are written with (their changes to the base formula) and read back with (the page's patch).
#pragma once

#include "engine/io/json_reader.hpp"

namespace fundsim::app {

// The merge patch that turns `from` into `to` (objects compared key by key; anything else replaced whole;
// a key `to` lacks is null). Empty object when they are equal.
Json merge_diff(const Json& from, const Json& to);

}  // namespace fundsim::app
