import type { Database } from 'better-sqlite3';
import { invalidInput, notFound } from './errors';
import { accountGuard } from './guards';
import { nowInstant, toInstant } from './time';
import { TWILIO_SID_PATTERNS } from '../../../shared/domain/identifiers';

/** A bill (or other file) kept locally, and its Twilio document SID once uploaded. */
export interface StoredDocument {
  id: number;
  accountId: string;
  /** Hex SHA-256 of the bytes: the same file added twice is one document. */
  sha256: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** Where main keeps its copy (under userData); the store never reads the file. */
  localPath: string;
  /** RD… once uploaded. */
  twilioSid: string | null;
  uploadedAt: string | null;
  createdAt: string;
}

export interface NewDocument {
  accountId: string;
  sha256: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  localPath: string;
}

export interface DocumentsRepository {
  /** Adds the document, or returns the one this account already has with the same bytes. */
  add(input: NewDocument, now?: string): { document: StoredDocument; created: boolean };
  get(id: number): StoredDocument | null;
  findBySha256(accountId: string, sha256: string): StoredDocument | null;
  /** Newest first. */
  list(accountId: string): StoredDocument[];
  markUploaded(id: number, twilioSid: string, now?: string): StoredDocument;
  /**
   * Uploaded documents nothing uses: no stored request lists their SID, no submitted draft has
   * them as its bill, and no create that is not done yet (queued, in flight, failed and
   * retryable) names them. Oldest upload first.
   */
  listOrphans(): StoredDocument[];
  remove(id: number): boolean;
}

interface DocumentRow {
  id: number;
  account_id: string;
  sha256: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  local_path: string;
  twilio_sid: string | null;
  uploaded_at: string | null;
  created_at: string;
}

function toDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    accountId: row.account_id,
    sha256: row.sha256,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    localPath: row.local_path,
    twilioSid: row.twilio_sid,
    uploadedAt: row.uploaded_at,
    createdAt: row.created_at,
  };
}

function validate(input: NewDocument): NewDocument {
  const sha256 = String(input.sha256).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw invalidInput('sha256', 'must be 64 hex digits');
  if (!input.fileName?.trim()) throw invalidInput('fileName', 'must not be empty');
  if (!input.mimeType?.trim()) throw invalidInput('mimeType', 'must not be empty');
  if (!input.localPath?.trim()) throw invalidInput('localPath', 'must not be empty');
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 0) {
    throw invalidInput('sizeBytes', 'must be a whole number of bytes');
  }
  return { ...input, sha256 };
}

export function documentsRepository(db: Database): DocumentsRepository {
  const insert = db.prepare<[string, string, string, string, number, string, string]>(
    `INSERT INTO documents (account_id, sha256, file_name, mime_type, size_bytes, local_path,
       created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, sha256) DO NOTHING`,
  );
  const selectOne = db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const selectBySha = db.prepare<[string, string], DocumentRow>(
    'SELECT * FROM documents WHERE account_id = ? AND sha256 = ?',
  );
  const selectByAccount = db.prepare<[string], DocumentRow>(
    'SELECT * FROM documents WHERE account_id = ? ORDER BY created_at DESC, id DESC',
  );
  const setUploaded = db.prepare<[string, string, number]>(
    'UPDATE documents SET twilio_sid = ?, uploaded_at = ? WHERE id = ?',
  );
  // A create's documents are local ids in its outbox payload (`documentIds`), a submitted
  // draft's bill its `billDocumentId`; both are cheap. What is left is checked against the
  // truth, each stored request's `documents` (RD… SIDs) — usually for no document at all, since
  // scanning every request payload is the expensive part.
  const selectOrphans = db.prepare<[], DocumentRow>(
    `WITH candidates AS MATERIALIZED (
       SELECT d.* FROM documents d
       WHERE d.twilio_sid IS NOT NULL
         AND d.id NOT IN (
           SELECT j.value FROM outbox o, json_each(o.payload, '$.documentIds') j
           WHERE o.kind = 'create_port_in' AND o.state <> 'done' AND j.type = 'integer')
         AND d.id NOT IN (
           SELECT json_extract(dr.payload, '$.billDocumentId') FROM drafts dr
           WHERE dr.request_sid IS NOT NULL
             AND json_type(dr.payload, '$.billDocumentId') = 'integer'))
     SELECT c.* FROM candidates c
     WHERE NOT EXISTS (
       SELECT 1 FROM port_in_request_details x, json_each(x.payload, '$.documents') j
       WHERE j.value = c.twilio_sid)
     ORDER BY c.uploaded_at, c.id`,
  );
  const deleteOne = db.prepare<[number]>('DELETE FROM documents WHERE id = ?');
  const requireAccount = accountGuard(db);

  const get = (id: number): StoredDocument | null => {
    const row = selectOne.get(id);
    return row ? toDocument(row) : null;
  };
  const findBySha256 = (accountId: string, sha256: string): StoredDocument | null => {
    const row = selectBySha.get(accountId, sha256.toLowerCase());
    return row ? toDocument(row) : null;
  };

  return {
    add(input, now = nowInstant()) {
      const document = validate(input);
      requireAccount(document.accountId);
      const { changes } = insert.run(
        document.accountId,
        document.sha256,
        document.fileName,
        document.mimeType,
        document.sizeBytes,
        document.localPath,
        toInstant(now, 'now'),
      );
      const stored = findBySha256(document.accountId, document.sha256);
      if (!stored) throw notFound('Document', document.sha256);
      return { document: stored, created: changes > 0 };
    },
    get,
    findBySha256,
    list: (accountId) => selectByAccount.all(accountId).map(toDocument),
    markUploaded(id, twilioSid, now = nowInstant()) {
      if (!TWILIO_SID_PATTERNS.RD.test(twilioSid)) {
        throw invalidInput(
          'twilioSid',
          `"${twilioSid}" is not a document SID (RD + 32 hex digits)`,
        );
      }
      if (setUploaded.run(twilioSid, toInstant(now, 'now'), id).changes === 0) {
        throw notFound('Document', id);
      }
      const document = get(id);
      if (!document) throw notFound('Document', id);
      return document;
    },
    listOrphans: () => selectOrphans.all().map(toDocument),
    remove: (id) => deleteOne.run(id).changes > 0,
  };
}
