/**
 * Builds a tiny but real embedding model directory from code, for tests and demos: an ONNX
 * graph (embedding table → Gather → masked output `last_hidden_state`), a WordPiece
 * tokenizer.json and a config.json. The ONNX ModelProto is written with a minimal protobuf
 * encoder (only the fields the graph needs), so no model file is shipped or downloaded.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---- minimal protobuf writer -------------------------------------------------------------

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n; // two's complement, as protobuf encodes negative int64
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const enc = new TextEncoder();
const tag = (field: number, wire: number) => varint((field << 3) | wire);
const intField = (field: number, value: number | bigint) => [...tag(field, 0), ...varint(value)];
const bytesField = (field: number, bytes: ArrayLike<number>) => [
  ...tag(field, 2),
  ...varint(bytes.length),
  ...Array.from(bytes),
];
const strField = (field: number, s: string) => bytesField(field, enc.encode(s));
const msgField = (field: number, msg: number[]) => bytesField(field, msg);

// ---- ONNX messages (field numbers from onnx.proto) ---------------------------------------

const FLOAT = 1;
const INT64 = 7;

function tensor(name: string, dataType: number, dims: number[], raw: Uint8Array): number[] {
  // TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian)
  return [
    ...dims.flatMap((d) => intField(1, d)),
    ...intField(2, dataType),
    ...strField(8, name),
    ...bytesField(9, raw),
  ];
}

function valueInfo(name: string, elemType: number, dims: (number | string)[]): number[] {
  // ValueInfoProto{name=1,type=2}; TypeProto{tensor_type=1}; Tensor{elem_type=1,shape=2};
  // TensorShapeProto{dim=1}; Dimension{dim_value=1 | dim_param=2}
  const shape = dims.flatMap((d) => msgField(1, typeof d === 'number' ? intField(1, d) : strField(2, d)));
  const tensorType = [...intField(1, elemType), ...msgField(2, shape)];
  return [...strField(1, name), ...msgField(2, msgField(1, tensorType))];
}

function node(op: string, inputs: string[], outputs: string[], attrs: number[][] = []): number[] {
  // NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5
  return [
    ...inputs.flatMap((i) => strField(1, i)),
    ...outputs.flatMap((o) => strField(2, o)),
    ...strField(3, `${op}_${outputs[0]}`),
    ...strField(4, op),
    ...attrs.flatMap((a) => msgField(5, a)),
  ];
}

function intAttr(name: string, value: number): number[] {
  // AttributeProto: name = 1, i = 3, type = 20 (INT = 2)
  return [...strField(1, name), ...intField(3, value), ...intField(20, 2)];
}

/**
 * Serialises an ONNX model: last_hidden_state[b, s, :] = table[input_ids[b, s]] × attention_mask[b, s].
 * `table` is vocab × dim, row-major.
 */
export function encodeEmbeddingModel(table: Float32Array, vocab: number, dim: number): Uint8Array {
  const tableBytes = new Uint8Array(
    table.buffer.slice(table.byteOffset, table.byteOffset + table.byteLength),
  );
  const axes = new Uint8Array(new BigInt64Array([2n]).buffer);
  const graph = [
    ...msgField(1, node('Gather', ['embeddings', 'input_ids'], ['gathered'])),
    ...msgField(1, node('Cast', ['attention_mask'], ['mask_f'], [intAttr('to', FLOAT)])),
    ...msgField(1, node('Unsqueeze', ['mask_f', 'axes'], ['mask_3d'])),
    ...msgField(1, node('Mul', ['gathered', 'mask_3d'], ['last_hidden_state'])),
    ...strField(2, 'tiny_embedding'),
    ...msgField(5, tensor('embeddings', FLOAT, [vocab, dim], tableBytes)),
    ...msgField(5, tensor('axes', INT64, [1], axes)),
    ...msgField(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    ...msgField(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    ...msgField(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dim])),
  ];
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 {domain=1, version=2}
  const model = [
    ...intField(1, 8),
    ...strField(2, 'tianfu-tests'),
    ...msgField(7, graph),
    ...msgField(8, [...strField(1, ''), ...intField(2, 13)]),
  ];
  return Uint8Array.from(model);
}

/** What {@link writeTinyEmbeddingModel} wrote. */
export interface TinyModel {
  dir: string;
  /** token → id, including [PAD]=0, [UNK]=1, [CLS]=2, [SEP]=3. */
  vocab: Map<string, number>;
  table: Float32Array;
  dim: number;
}

/**
 * Writes a model folder `dir` (config.json, tokenizer.json, tokenizer_config.json,
 * onnx/model.onnx) for the given lower-case words; the embedding of token i is row i of a
 * deterministic table, or the row given for that token in `rows` (special tokens included).
 */
export function writeTinyEmbeddingModel(
  dir: string,
  words: readonly string[],
  dim = 4,
  rows: Readonly<Record<string, readonly number[]>> = {},
): TinyModel {
  const tokens = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', ...words];
  const vocab = new Map(tokens.map((t, i) => [t, i]));
  const table = new Float32Array(tokens.length * dim);
  // Deterministic, distinct rows: small integers and halves are exact in float32.
  for (let i = 0; i < tokens.length; i++)
    for (let d = 0; d < dim; d++) table[i * dim + d] = i === 0 ? 0 : (((i * 7 + d * 3) % 11) - 5) / 2;
  // Chosen rows (e.g. two synonyms with the same vector), for tests of semantic matching.
  for (const [token, row] of Object.entries(rows)) {
    const i = vocab.get(token);
    if (i !== undefined) for (let d = 0; d < dim; d++) table[i * dim + d] = row[d] ?? 0;
  }
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), encodeEmbeddingModel(table, tokens.length, dim));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: dim,
      vocab_size: tokens.length,
    }),
  );
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 32,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
    }),
  );
  return { dir, vocab, table, dim };
}
