-- wrk script: every request comes from a different client address (IPv6 documentation
-- range, a header value only), so a rate-limited route is measured serving, not refusing.
local counter = 0
request = function()
  counter = counter + 1
  local ip = string.format("2001:db8::%x:%x", math.floor(counter / 65536) % 65536, counter % 65536)
  return wrk.format(nil, nil, { ["cf-connecting-ip"] = ip })
end
