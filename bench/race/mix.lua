-- The soak's load: the race's requests in turn (one JSON body a line in RACE_BODIES_FILE), each
-- wrk thread starting at its own offset; a 2xx answer with GraphQL "errors" counts as an error.
-- The summary as one JSON line, as wrk.lua's.
local bodies = {}
for line in io.lines(os.getenv("RACE_BODIES_FILE")) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
local auth = os.getenv("RACE_AUTH")
local threads = {}
local next_id = 0

setup = function(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

local turn = 0
local headers = {["Content-Type"] = "application/json"}
if auth then headers["Authorization"] = auth end

init = function(args)
  turn = id or 0
  graphql_errors = 0
end

request = function()
  turn = turn + 1
  return wrk.format("POST", nil, headers, bodies[(turn % #bodies) + 1])
end

response = function(status, _, body)
  if status < 300 and body and string.find(body, '"errors":', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local graphql = 0
  for _, thread in ipairs(threads) do graphql = graphql + (thread:get("graphql_errors") or 0) end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "bad_status": %d, ' ..
    '"graphql_errors": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "bytes": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    graphql, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.bytes))
end
