// `make scorm`: a SCORM 1.2 package of one page of the release site, for an LMS to import
// (Moodle, Canvas, Blackboard, Brightspace, Open edX). The zip holds imsmanifest.xml at its
// root, the release site from dist/ and launch.html (scripts/scorm/launch.html), which opens
// the page in its embed form and reports to the LMS.
//
//   SCORM_PAGE  the page's route name: practice (default), chain-rule, … (see src/ui/course.rs)
//   SCORM_SET   Practice's set of exercises (default 1)
//   SCORM_MASTERY  the score out of 100 that passes Practice (default 70: 7 of 10 right)
//
// Writes dist-scorm/slope-<page>[-set-<n>].zip and prints its path and size. The zip is the
// same for the same dist/ (fixed dates, sorted names).
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The course's pages, read from `Page::title` and `Page::path` in src/ui/course.rs. */
export function pages() {
  const src = fs.readFileSync(path.join(ROOT, 'src/ui/course.rs'), 'utf8');
  const table = (fn) => {
    const body = src.split(`pub fn ${fn}(self)`)[1]?.split('\n    }\n')[0];
    if (!body) throw new Error(`scorm: no Page::${fn} in src/ui/course.rs`);
    return Object.fromEntries([...body.matchAll(/Page::(\w+) => "([^"]*)"/g)].map((m) => [m[1], m[2]]));
  };
  const titles = table('title');
  const paths = table('path');
  return Object.keys(paths)
    .filter((p) => p !== 'NotFound')
    .map((p) => ({ name: paths[p] === '/' ? 'explorer' : paths[p].slice(1), path: paths[p], title: titles[p] }));
}

const escapeXml = (s) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The package's files (name → bytes) for `page` of the site in `dist`. */
export function packageFiles(dist, { page = 'practice', set, mastery = 70 } = {}) {
  const all = pages();
  const chosen = all.find((p) => p.name === page);
  if (!chosen) throw new Error(`scorm: SCORM_PAGE=${page} is not a page; one of: ${all.map((p) => p.name).join(', ')}`);
  const practice = chosen.name === 'practice';
  // The default package is slope-practice.zip, of set 1; a chosen set is in the name.
  const named = practice && set !== undefined;
  set ??= '1';
  if (practice && !/^[1-9]\d{0,3}$/.test(set)) throw new Error(`scorm: SCORM_SET=${set} is not a set number (1, 2, …)`);
  if (!(mastery >= 0 && mastery <= 100)) throw new Error(`scorm: SCORM_MASTERY=${mastery} is not a score out of 100`);
  const title = practice ? `Practice, set ${set}` : chosen.title;
  const files = {};
  // The site as built, but for the service worker: inside an LMS the package's folder is
  // the LMS's, and a worker there would answer launch.html with the app.
  for (const f of fs.readdirSync(dist).sort()) {
    if (f.startsWith('.') || f === 'sw.js') continue;
    if (fs.statSync(path.join(dist, f)).isDirectory()) throw new Error(`scorm: ${dist}/${f} is a folder; the site is flat`);
    files[f] = fs.readFileSync(path.join(dist, f));
  }
  if (!files['index.html'] || !files['embed.js']) throw new Error(`scorm: ${dist} is not a release build (make build)`);
  const config = JSON.stringify({ page: chosen.path, set: practice ? set : null, mastery: Number(mastery) }).replace(/</g, '\\u003c');
  const launch = fs.readFileSync(path.join(ROOT, 'scripts/scorm/launch.html'), 'utf8')
    .replaceAll('{{TITLE}}', escapeXml(title))
    .replace('{{PACKAGE}}', () => config);
  files['launch.html'] = Buffer.from(launch);
  const id = `slope-${chosen.name}${named ? `-set-${set}` : ''}`;
  const listed = Object.keys(files).sort();
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="slope">
    <organization identifier="slope">
      <title>${escapeXml(`Slope: ${title}`)}</title>
      <item identifier="item-1" identifierref="resource-1" isvisible="true">
        <title>${escapeXml(title)}</title>${practice ? `\n        <adlcp:masteryscore>${Number(mastery)}</adlcp:masteryscore>` : ''}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="resource-1" type="webcontent" adlcp:scormtype="sco" href="launch.html">
${listed.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
  return { id, files: { 'imsmanifest.xml': Buffer.from(manifest), ...files } };
}

/** Writes the package as a zip into `outDir`; returns its path. */
export function writePackage(dist, outDir, options) {
  const { id, files } = packageFiles(dist, options);
  const mtime = new Date('2026-01-01T00:00:00Z');
  const entries = Object.fromEntries(Object.keys(files).sort().map((f) => [f, [new Uint8Array(files[f]), { mtime }]]));
  const zip = zipSync(entries, { level: 9 });
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${id}.zip`);
  fs.writeFileSync(out, zip);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    const out = writePackage(path.join(ROOT, 'dist'), path.join(ROOT, 'dist-scorm'), {
      page: process.env.SCORM_PAGE || 'practice',
      set: process.env.SCORM_SET || undefined,
      mastery: Number(process.env.SCORM_MASTERY || 70),
    });
    console.log(`${path.relative(process.cwd(), out)}: ${(fs.statSync(out).size / 1024).toFixed(1)} KB`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
