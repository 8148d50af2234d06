// Pictures of the code-server workbench for run-code-server.mjs: the run's own screenshot, and
// the README's (`npm run screenshots`), each taken when the suite asks (suite/helpers.ts
// requestScreenshot) and only once what it is meant to show is on screen.

const WAIT_MS = 10_000;

/**
 * Takes the picture `request` describes (see ScreenshotRequest in suite/helpers.ts) into `file`.
 * Resolves with what went wrong, or undefined. A named picture is clipped to the editor area.
 */
export async function takePicture(page, request, file) {
  try {
    if (request.hover) {
      const problem = await showHover(page);
      if (problem) return problem;
    }
    if (request.selector) {
      const problem = await waitForElement(page, request.selector, request.text);
      if (problem) return problem;
    }
    if (request.gone) {
      const problem = await waitForNone(page, request.gone);
      if (problem) return problem;
    }
    const clip = request.name ? await page.locator('.monaco-workbench .part.editor').first().boundingBox() : undefined;
    await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    return undefined;
  } catch (error) {
    return error.message;
  }
}

/**
 * Points the mouse at the text right of the cursor, as a user would, waits for the hover, and
 * when its content is taller than the hover (VS Code starts a hover at a quarter of the editor's
 * height), drags the hover's edge as a user would until all of it shows.
 */
async function showHover(page) {
  const cursor = await page.locator('.monaco-editor .cursor').first().boundingBox();
  if (!cursor) return 'no cursor in the editor';
  await page.mouse.move(cursor.x + 12, cursor.y + cursor.height / 2);
  await page.mouse.move(cursor.x + 14, cursor.y + cursor.height / 2);
  const hover = page.locator('.monaco-hover').filter({ visible: true }).first();
  try {
    await hover.waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch {
    return 'no hover showed';
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const hidden = await hiddenHeight(hover);
    if (hidden <= 1) return undefined;
    const sash = page.locator('.monaco-resizable-hover > .monaco-sash.horizontal:not(.disabled)').first();
    const box = await sash.boundingBox();
    const hoverBox = await hover.boundingBox();
    if (!box || !hoverBox) return `the hover hides ${hidden} px of its content and has no edge to drag`;
    // The enabled edge is the one away from the text: drag it further away.
    const direction = box.y > hoverBox.y + hoverBox.height / 2 ? 1 : -1;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + direction * (hidden + 8), { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
  const hidden = await hiddenHeight(hover);
  return hidden <= 1 ? undefined : `the hover hides ${hidden} px of its content (not enough room in the editor)`;
}

/** How much of the hover's content is scrolled out of sight. */
function hiddenHeight(hover) {
  return hover.evaluate((element) => {
    const content = element.querySelector('.monaco-hover-content');
    const viewport = content?.parentElement;
    return content && viewport ? Math.max(0, Math.ceil(content.scrollHeight - viewport.clientHeight)) : 0;
  });
}

/** Waits until `selector` is visible with `text` in it, in the page or in any frame (webviews). */
async function waitForElement(page, selector, text) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = frame.locator(selector).filter({ visible: true, ...(text ? { hasText: spaced(text) } : {}) });
      if (await found.count().catch(() => 0)) return undefined;
    }
    await page.waitForTimeout(200);
  }
  return `nothing matching ${selector}${text ? ` with "${text}"` : ''} showed`;
}

/** Waits until nothing matching `selector` is visible in the page. */
async function waitForNone(page, selector) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if ((await page.locator(selector).filter({ visible: true }).count()) === 0) return undefined;
    await page.waitForTimeout(200);
  }
  return `${selector} still showed`;
}

/** `text` as a pattern that takes any run of white space for a space: the editor renders spaces as no-break spaces. */
function spaced(text) {
  return new RegExp(text.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
}
