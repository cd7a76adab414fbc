-- wrk script: one new registration per request (unique e-mail per thread and request).
-- Environment: BENCH_PATH (the registrations URL path), BENCH_TOKEN (bearer token or empty).
local counter = 0
local threads = {}
tid = 0
function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
  table.insert(threads, thread)
end
function init(args)
  prefix = os.getenv("BENCH_RUN") .. "-" .. tid
  path = os.getenv("BENCH_PATH")
  hdrs = { ["Content-Type"] = "application/json" }
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then hdrs["Authorization"] = "Bearer " .. token end
  statuses = {}
end
function request()
  counter = counter + 1
  local body = string.format(
    '{"email":"d%s-%d@example.org","fullName":"Delegate %s %d","language":"ru","consent":true}',
    prefix, counter, prefix, counter)
  return wrk.format("POST", path, hdrs, body)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do all[k] = (all[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, k .. "=" .. v) end
  io.write(string.format("RESULT requests=%d seconds=%.2f rate=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d statuses=%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    table.concat(parts, ",")))
end
