-- One request, repeated; the summary as one JSON line (wrk's own latency histogram).
local body = os.getenv("RACE_BODY")
wrk.method = body and "POST" or "GET"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("RACE_AUTH")
if auth then wrk.headers["Authorization"] = auth end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "bad_status": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "bytes": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.bytes))
end
