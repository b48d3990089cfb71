/** Next's default page cache with entries stamped when their render began (memoryCacheHandler.mjs). */
declare const MemoryCacheHandler: new (ctx: object) => unknown;
export default MemoryCacheHandler;
