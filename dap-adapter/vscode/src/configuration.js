'use strict';
// F5 without a launch.json: debug an ELF of the workspace (the only one, or the one picked).
const vscode = require('vscode');

class ConfigurationProvider {
  async resolveDebugConfiguration(folder, config) {
    if (config.type || config.request || config.name) {
      if (config.request === 'launch' && !config.sourceDirectories && folder) config.sourceDirectories = [folder.uri.fsPath];
      if (config.request === 'launch' && config.trace === undefined) config.trace = true; // the Trace view's feed
      return config;
    }
    const elfs = await vscode.workspace.findFiles('**/*.elf', '**/node_modules/**', 50);
    if (!elfs.length) {
      vscode.window.showErrorMessage('Rewind: no .elf file in the workspace; add a launch configuration with "program".');
      return undefined;
    }
    let program = elfs[0].fsPath;
    if (elfs.length > 1) {
      const pick = await vscode.window.showQuickPick(elfs.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })),
        { placeHolder: 'Which RISC-V ELF to debug?' });
      if (!pick) return undefined;
      program = pick.uri.fsPath;
    }
    return {
      type: 'rewind', request: 'launch', name: 'Rewind', program, harts: 1, trace: true,
      sourceDirectories: folder ? [folder.uri.fsPath] : [],
    };
  }
}

module.exports = { ConfigurationProvider };
