import { z } from 'zod';
import { ACCEPTED_MEDIA_TYPES } from './files.sniff';

export const UploadedFile = z
  .object({
    id: z.string().uuid(),
    sha256: z.string().describe('内容的 SHA-256（十六进制）'),
    size: z.number().int().describe('字节数'),
    mediaType: z.enum(ACCEPTED_MEDIA_TYPES).describe('按文件内容识别的类型'),
    name: z.string().describe('上传时的文件名（仅供显示）'),
  })
  .describe('已上传的文件');

export const UploadBody = z
  .object({ file: z.unknown().describe('文件内容（PDF、JPEG 或 PNG）') })
  .describe('multipart/form-data，字段 file');
