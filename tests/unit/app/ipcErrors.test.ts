import { describe, expect, it } from 'vitest';
import { DemoUnavailableError } from '../../../main/core/accounts/demoProvider';
import { toCommandError, withCommandErrors } from '../../../main/core/app/ipcErrors';
import { PortingError, notFound } from '../../../main/core/porting/errors';
import { IpcCommandError } from '../../../shared/ipc';

describe('the IPC boundary’s error mapping', () => {
  it('turns a porting refusal into the contract’s error, fields kept', () => {
    const mapped = toCommandError(notFound('draftId', 'That draft is not in PortDesk.'));
    expect(mapped).toBeInstanceOf(IpcCommandError);
    expect((mapped as IpcCommandError).toIpcError()).toEqual({
      code: 'not_found',
      message: 'That draft is not in PortDesk.',
      fields: [{ field: 'draftId', message: 'That draft is not in PortDesk.' }],
    });
  });

  it('keeps each porting code’s meaning', () => {
    for (const code of [
      'conflict',
      'validation_failed',
      'unsupported_file',
      'too_large',
    ] as const) {
      const mapped = toCommandError(new PortingError(code, 'words')) as IpcCommandError;
      expect(mapped.code).toBe(code);
      expect(mapped.fields).toBeUndefined();
    }
  });

  it('answers a host without demo mode with not_found in words', async () => {
    const handlers = withCommandErrors({
      startDemo: async () => {
        throw new DemoUnavailableError();
      },
    });
    await expect(handlers.startDemo()).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/built-in simulator/),
    });
  });

  it('passes a bug through untouched, so the wrapper answers internal and logs its stack', () => {
    const bug = new TypeError('x is undefined');
    expect(toCommandError(bug)).toBe(bug);
  });
});
