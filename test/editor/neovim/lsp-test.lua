-- Neovim as a second, independent LSP client of the vpce-lens language server (stdio).
-- Run by test/editor/run-neovim.mjs:
--   nvim --headless --clean -c 'luafile lsp-test.lua'
-- Neovim 0.7's LSP log (stdpath('cache')/lsp.log) has the server's stderr when it fails.
-- Environment: VPCE_NODE, VPCE_SERVER (server script), VPCE_WORKSPACE (fixture copy),
--   VPCE_REPORT (file for the result lines), VPCE_NEOVIM_HOVER=1 enables the hover test.
-- Every wait polls with a deadline (vim.wait); positions are found by searching the text.

local node = os.getenv('VPCE_NODE') or 'node'
local server = assert(os.getenv('VPCE_SERVER'), 'VPCE_SERVER is not set')
local workspace = assert(os.getenv('VPCE_WORKSPACE'), 'VPCE_WORKSPACE is not set')
local report_path = assert(os.getenv('VPCE_REPORT'), 'VPCE_REPORT is not set')
local hover_enabled = os.getenv('VPCE_NEOVIM_HOVER') == '1'

local DEADLINE = { first = 30000, update = 10000, stop = 5000 }
local report_file = assert(io.open(report_path, 'a'))
local function report(line)
  report_file:write(line .. '\n')
  report_file:flush()
end

-- Raw LSP diagnostics by uri, as the server published them (before Neovim converts them).
local published = {}
local function vpce_diagnostics(uri, code)
  local found = {}
  for _, d in ipairs(published[uri] or {}) do
    if d.source == 'vpce-lens' and (code == nil or tostring(d.code) == code) then table.insert(found, d) end
  end
  return found
end
local function describe(uri)
  local parts = {}
  for _, d in ipairs(published[uri] or {}) do
    table.insert(parts, string.format('[%s %s sev%s %d:%d] %s', tostring(d.source), tostring(d.code),
      tostring(d.severity), d.range.start.line + 1, d.range.start.character + 1, d.message))
  end
  return published[uri] == nil and 'nothing published' or (#parts == 0 and 'no diagnostics' or table.concat(parts, '; '))
end

local function wait_for(deadline_ms, what, predicate, state)
  if not vim.wait(deadline_ms, predicate, 50) then
    error(string.format('timed out after %d ms waiting for %s%s', deadline_ms, what,
      state and ('; last seen: ' .. state()) or ''), 0)
  end
end

-- 0-based line and column of `needle`, which must occur exactly once in the buffer.
local function position_of(bufnr, needle)
  local found
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      assert(found == nil, string.format('"%s" occurs more than once', needle))
      found = { line = i - 1, col = col - 1 }
    end
  end
  assert(found, string.format('"%s" not found', needle))
  return found
end

local function open(relative_path)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. relative_path))
  local bufnr = vim.api.nvim_get_current_buf()
  return bufnr, vim.uri_from_bufnr(bufnr)
end

local client_id
local function client() return vim.lsp.get_client_by_id(client_id) end
local function need_server() assert(client_id and client(), 'the server is not running') end

local tests = {}
local function test(name, fn, opts) table.insert(tests, { name = name, fn = fn, opts = opts or {} }) end

test('the server starts over stdio and initializes', function()
  client_id = vim.lsp.start_client({
    name = 'vpce-lens',
    cmd = { node, server, '--stdio' },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'workspace' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  wait_for(DEADLINE.first, 'initialize', function() return client() == nil or client().initialized end)
  assert(client(), 'the server exited before it initialized (see the LSP log)')
end)

local broken_buf, broken_uri
test('a syntax error gets a VPCE000 error at its line', function()
  need_server()
  broken_buf, broken_uri = open('syntax-error/main.tf')
  vim.lsp.buf_attach_client(broken_buf, client_id)
  local line = position_of(broken_buf, '= = "Gateway"').line
  wait_for(DEADLINE.first, 'VPCE000', function() return #vpce_diagnostics(broken_uri, 'VPCE000') > 0 end,
    function() return describe(broken_uri) end)
  local at_line = false
  for _, d in ipairs(vpce_diagnostics(broken_uri, 'VPCE000')) do
    if d.range.start.line == line then
      at_line = true
      assert(d.severity == 1, 'VPCE000 is not an Error: ' .. describe(broken_uri))
    end
  end
  assert(at_line, string.format('no VPCE000 starts at line %d; got %s', line + 1, describe(broken_uri)))
end)

test('fixing the syntax error clears VPCE000', function()
  need_server()
  assert(broken_buf, 'depends on the previous test')
  wait_for(DEADLINE.first, 'VPCE000 before the fix', function() return #vpce_diagnostics(broken_uri, 'VPCE000') > 0 end,
    function() return describe(broken_uri) end)
  local at = position_of(broken_buf, '= = "Gateway"')
  vim.api.nvim_buf_set_text(broken_buf, at.line, at.col, at.line, at.col + #'= =', { '=' })
  wait_for(DEADLINE.update, 'no VPCE000', function() return #vpce_diagnostics(broken_uri, 'VPCE000') == 0 end,
    function() return describe(broken_uri) end)
end)

test('a hover over an endpoint gets an answer', function()
  need_server()
  local capabilities = client().server_capabilities or {}
  assert(capabilities.hoverProvider, 'the server does not announce hoverProvider')
  local bufnr = open('endpoints/main.tf')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local at = position_of(bufnr, 'aws_vpc_endpoint" "ssm"')
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = at.line, character = at.col + 1 } }
  local last = 'no answer'
  wait_for(DEADLINE.update, 'a hover', function()
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 2000) or {}
    for _, response in pairs(responses) do
      if response.err then last = vim.inspect(response.err) end
      if response.result and response.result.contents then
        local text = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
        if #table.concat(text, '') > 0 then return true end
      end
    end
    return false
  end, function() return last end)
end, { enabled = hover_enabled, skip_reason = 'hover not enabled (VPCE_NEOVIM_HOVER=1)' })

test('the server exits on shutdown', function()
  need_server()
  vim.lsp.stop_client(client_id)
  wait_for(DEADLINE.stop, 'the server to exit', function() return client() == nil or client().is_stopped() end)
end)

local passed, failed, skipped = 0, 0, 0
report('vpce-lens Neovim client (' .. server .. '): ' .. #tests .. ' tests')
for _, t in ipairs(tests) do
  if t.opts.enabled == false then
    skipped = skipped + 1
    report('  SKIP ' .. t.name .. ': ' .. t.opts.skip_reason)
  else
    local started = vim.loop.hrtime()
    local ok, err = pcall(t.fn)
    local ms = math.floor((vim.loop.hrtime() - started) / 1e6)
    if ok then
      passed = passed + 1
      report(string.format('  PASS %s (%d ms)', t.name, ms))
    else
      failed = failed + 1
      report(string.format('  FAIL %s (%d ms): %s', t.name, ms, tostring(err)))
    end
  end
end
report(string.format('%d passed, %d failed, %d skipped', passed, failed, skipped))
report_file:close()
if client_id and client() then vim.lsp.stop_client(client_id, true) end
if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
