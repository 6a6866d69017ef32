import { describe, expect, it } from 'vitest';
import { approvalNotification, decisionForAction } from './approval-notification.ts';
import { approval } from './testing/hub-fixtures.ts';

describe('approval notification', () => {
  const request = approval('a1', { arguments: { path: '/home/me/.env', content: 'API_KEY=sk-live-123' }, annotations: { destructiveHint: true } });

  it('says who wants to run what, where', () => {
    const options = approvalNotification(request, 'linux');
    expect(options.title).toBe('Cursor wants to run git_commit (destructive)');
    expect(options.body).toBe('git · arguments: path, content. Click to review.');
  });

  it('names the arguments but never shows their values (notification centres keep them on disk)', () => {
    const text = JSON.stringify(approvalNotification(request, 'darwin'));
    expect(text).not.toContain('sk-live-123');
    expect(text).not.toContain('/home/me/.env');
  });

  it('has Approve and Deny buttons on macOS, and none where Electron has no actions', () => {
    expect(approvalNotification(request, 'darwin').actions).toEqual([
      { type: 'button', text: 'Approve once' },
      { type: 'button', text: 'Deny' },
    ]);
    expect(approvalNotification(request, 'linux').actions).toBeUndefined();
    expect(approvalNotification(request, 'win32').actions).toBeUndefined();
  });

  it('maps the buttons to decisions', () => {
    expect(decisionForAction(0)).toBe('approve-once');
    expect(decisionForAction(1)).toBe('deny');
    expect(decisionForAction(2)).toBeUndefined();
  });
});
