-- wrk script: each request carries the next of the session cookies in BENCH_COOKIES (separated by
-- spaces), so that many users are served, not one; prints one line at the end:
-- RESULT requests errors req/s p50 p95 p99 max (times in ms)
local cookies = {}
local n = 0
function init(args)
  for cookie in string.gmatch(os.getenv("BENCH_COOKIES"), "[^ ]+") do
    table.insert(cookies, cookie)
  end
end
function request()
  n = n + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookies[(n % #cookies) + 1] })
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %.1f %.1f %.1f %.1f %.1f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
