-- wrk script: follows every confirmation link once: GET the link (the page with the button, a
-- session and its CSRF token), then POST the form with that session. Tokens are shared out among
-- the threads. Environment: BENCH_TOKENS (file, one token a line), BENCH_SLUG.
local threads = {}
tid = 0
-- Seconds since boot with 10 ms resolution (os.time() counts whole seconds).
local function now()
  local f = io.open("/proc/uptime")
  local t = f:read("*n")
  f:close()
  return t
end
function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
  table.insert(threads, thread)
end
function init(args)
  local n = #threads
  tokens = {}
  local i = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    i = i + 1
    if i % 2 == tid - 1 then table.insert(tokens, line) end
  end
  slug = os.getenv("BENCH_SLUG")
  nextToken = 1
  ready = {}
  pendingGets = {}
  statuses = {}
  confirmed = 0
  outstanding = 0
end
function request()
  local r = table.remove(ready, 1)
  if r then
    outstanding = outstanding + 1
    return wrk.format("POST", "/programmes/" .. slug .. "/register/confirm",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = r.cookie },
      "token=" .. r.token .. "&_csrf=" .. r.csrf)
  end
  local t = tokens[nextToken]
  if not t then
    -- Every link sent: wait for the answers still due (a few health checks), then stop.
    idle = (idle or 0) + 1
    if outstanding <= 0 or idle > 400 then wrk.thread:stop() end
    return wrk.format("GET", "/actuator/health")
  end
  nextToken = nextToken + 1
  first = first or now()
  outstanding = outstanding + 1
  table.insert(pendingGets, t)
  return wrk.format("GET", "/programmes/" .. slug .. "/register/confirm?token=" .. t)
end
local function finished()
  -- Every link followed and answered: stop now (wrk's duration is only an upper bound).
  if not tokens[nextToken] and #ready == 0 and outstanding <= 0 then wrk.thread:stop() end
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  respond(status, headers, body)
  finished()
end
function respond(status, headers, body)
  if status == 303 then
    confirmed = confirmed + 1
    last = now()
    outstanding = outstanding - 1
    return
  end
  if status == 200 and body and body:find('"status":"UP"', 1, true) then return end
  local csrf = body and body:match('name="_csrf" value="([^"]+)"')
  if status == 200 and csrf then
    -- The session (builds before ADR 0028) or the visitor's CSRF cookie (after it).
    local set = headers["Set-Cookie"] or ""
    local parts = {}
    for c in set:gmatch("([%w_%-]*SESSION=[^;,]+)") do table.insert(parts, c) end
    for c in set:gmatch("([%w_%-]*lectern%-csrf=[^;,]+)") do table.insert(parts, c) end
    local cookie = table.concat(parts, "; ")
    local tok = body:match('name="token" value="([^"]+)"')
    outstanding = outstanding - 1
    if tok then table.insert(ready, { token = tok, csrf = csrf, cookie = cookie }) end
    return
  end
  if status ~= 200 then outstanding = outstanding - 1 end
end
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do all[k] = (all[k] or 0) + v end
  end
  -- The phase lasts from the first link followed to the last registration made (the threads
  -- keep polling /actuator/health until wrk's duration ends when they cannot stop earlier).
  local t0, t1, n = nil, nil, 0
  for _, t in ipairs(threads) do
    local f, l = t:get("first"), t:get("last")
    if f and (not t0 or f < t0) then t0 = f end
    if l and (not t1 or l > t1) then t1 = l end
    n = n + (t:get("confirmed") or 0)
  end
  if t0 and t1 then
    io.write(string.format("CONFIRMED n=%d seconds=%.2f rate=%.1f\n", n, math.max(0.01, t1 - t0), n / math.max(0.01, t1 - t0)))
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, k .. "=" .. v) end
  io.write(string.format("RESULT requests=%d seconds=%.2f rate=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d statuses=%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ",")))
end
