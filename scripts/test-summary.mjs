// Adds up vitest JSON reports and prints one closing line: "tests: N passed, N failed".
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`缺少测试报告：${file}`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that failed to load, or an unhandled error during the run, fails the run without failing a test.
  if (!r.success && r.numFailedTests === 0) {
    console.error(`${file}：测试运行出错（套件加载失败 ${r.numFailedTestSuites} 个，或有未捕获的错误）`);
    failed += 1;
  }
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
